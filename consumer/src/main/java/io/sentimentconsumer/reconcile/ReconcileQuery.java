package io.sentimentconsumer.reconcile;

import java.util.List;

/**
 * What to compare: our metrics in {@code namespace} for {@code environment}, and Bedrock's, for each target's
 * model, over whole hours.
 */
public record ReconcileQuery(String namespace, String environment, List<Target> targets, HourRange hours) {

    public ReconcileQuery {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no model to reconcile");
        }
        if (targets.stream().map(Target::modelId).distinct().count() < targets.size()) {
            throw new IllegalArgumentException("each model once: our metrics cannot tell two profiles of one model "
                    + "apart; was " + targets);
        }
    }
}
