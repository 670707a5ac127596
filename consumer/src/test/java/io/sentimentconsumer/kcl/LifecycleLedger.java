package io.sentimentconsumer.kcl;

import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Which records each processor of a shard gave a final outcome (scored, unscored, invalid), and the invariants
 * that tie them to its checkpoints. A processor's life starts after the lease's checkpoint, so each one owes a
 * final outcome to every record between that checkpoint and any checkpoint it writes.
 */
final class LifecycleLedger {

    static final String ONE_OUTCOME = "one final outcome per record and delivery";
    static final String NO_CHECKPOINT_PAST = "no checkpoint passes a record without a final outcome";
    static final String NOTHING_DROPPED = "every record ends with a final outcome";

    private final LifecycleStream stream;
    private final Map<Integer, Set<Integer>> finishedByLife = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    LifecycleLedger(LifecycleStream stream) {
        this.stream = stream;
    }

    /** Records the final outcomes of one analysis by the processor of {@code life}. */
    synchronized void analysed(int life, InvocationReport report) {
        Set<Integer> ofLife = finishedByLife.computeIfAbsent(life, l -> new HashSet<>());
        for (RecordOutcome outcome : report.outcomes()) {
            if (outcome.kind() == RecordOutcome.Kind.HANDED_BACK) {
                continue;
            }
            int position = stream.position(outcome.sequenceNumber());
            if (!ofLife.add(position)) {
                violate(ONE_OUTCOME, "processor " + life + " gave record " + position + " (" + outcome.sequenceNumber()
                        + ") a second final outcome, " + outcome.kind());
            }
            finished.add(position);
        }
    }

    /** Checks a checkpoint the processor of {@code life}, which started after {@code startedAfter}, wrote. */
    synchronized void checkpointed(int life, int startedAfter, ExtendedSequenceNumber checkpoint) {
        Set<Integer> ofLife = finishedByLife.getOrDefault(life, Set.of());
        for (int position = startedAfter + 1; position <= stream.coveredBy(checkpoint); position++) {
            if (!ofLife.contains(position)) {
                violate(NO_CHECKPOINT_PAST, "processor " + life + " checkpointed " + checkpoint + " past record "
                        + position + " (" + LifecycleStream.id(stream.get(position)) + "), to which it gave no final"
                        + " outcome");
                return;
            }
        }
    }

    /** At the end of the run: every record of the stream got a final outcome from some processor. */
    synchronized void ended() {
        for (int position = 0; position < stream.size(); position++) {
            if (!finished.contains(position)) {
                violate(NOTHING_DROPPED, "record " + position + " (" + LifecycleStream.id(stream.get(position))
                        + ") never got a final outcome");
                return;
            }
        }
    }

    synchronized void violate(String invariant, String detail) {
        violations.add("invariant '" + invariant + "' broken: " + detail);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
