package io.sentimentconsumer.cli;

import io.sentimentconsumer.reconcile.HourRange;
import io.sentimentconsumer.reconcile.Reconciliation;
import io.sentimentconsumer.reconcile.Target;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reconciliation can and cannot tell, said beside its numbers (docs/observability.md, "reconcile"), and its
 * verdict in one line.
 */
final class ReconcileNotes {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ReconcileNotes() {}

    static List<String> of(Reconciliation reconciliation, Instant now) {
        List<String> notes = new ArrayList<>();
        HourRange hours = reconciliation.query().hours();
        Instant current = HourRange.floor(now);
        if (hours.includesHourOf(now)) {
            notes.add("The hour from " + HOUR.format(current) + " is still going: either side may not have all of "
                    + "it yet (both publish with a delay of minutes).");
        } else if (hours.end().equals(current)) {
            notes.add("Left out: the current hour, from " + HOUR.format(current) + ", which either side may not "
                    + "have published in full yet; --until now takes it in.");
        }
        notes.add("Left out: hours with no data on either side. An hour with data on one side only is 100% "
                + "different.");
        notes.add("Compared: input + output tokens. Cache reads and writes are not in our InputTokens, and whether "
                + "Bedrock's InputTokenCount counts them is not documented: with prompt caching, a steady difference "
                + "may be that.");
        notes.add("Abandoned attempts were sent and got no answer: Bedrock may have counted and billed them, so "
                + "they can explain Bedrock's count being above ours, not below it.");
        reconciliation.totals().forEach((modelId, total) -> {
            if (total.ours().hasData() && !total.bedrock().hasData()) {
                Target target = target(reconciliation, modelId);
                notes.add("Bedrock has no data under ModelId=" + target.profileId() + " in these hours. If "
                        + modelId + "'s calls went through that profile, Bedrock lists them under another value "
                        + "(look in CloudWatch, All metrics, AWS/Bedrock, ModelId): the profile's id is what "
                        + "public samples use, not a documented contract.");
            }
        });
        for (Target target : reconciliation.withoutData()) {
            notes.add("No data on either side for " + target.modelId() + " (profile " + target.profileId() + "): "
                    + "check --environment, --namespace, --model and the profile.");
        }
        if (!reconciliation.withinTolerance() && reconciliation.totalsOver().isEmpty()) {
            notes.add("Every model's total is within " + reconciliation.tolerance() + ": the hours' differences "
                    + "cancel out, as calls counted in neighbouring hours on the two sides do (we publish at the "
                    + "end of an invocation, Bedrock at the call).");
        }
        return notes;
    }

    /** The verdict and the exit code it gives. */
    static String verdict(Reconciliation reconciliation) {
        String tolerance = reconciliation.tolerance().toString();
        if (reconciliation.hours().isEmpty()) {
            return "No data on either side in these hours: nothing to compare (exit code 0).";
        }
        if (reconciliation.withinTolerance()) {
            return "Within " + tolerance + ": every hour of every model (exit code 0).";
        }
        List<String> totalsOver = reconciliation.totalsOver();
        return "Over " + tolerance + " in " + reconciliation.hoursOver().size() + " of "
                + reconciliation.hours().size() + " hours"
                + (totalsOver.isEmpty() ? "" : ", and in the total of " + String.join(", ", totalsOver))
                + " (exit code 1).";
    }

    private static Target target(Reconciliation reconciliation, String modelId) {
        return reconciliation.query().targets().stream().filter(t -> t.modelId().equals(modelId)).findFirst()
                .orElseThrow();
    }
}
