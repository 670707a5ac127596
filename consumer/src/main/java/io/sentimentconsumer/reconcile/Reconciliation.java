package io.sentimentconsumer.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hours read and the verdict on them. Any hour over the tolerance fails the reconciliation: an hour is where a
 * broken sink, a wrong profile or a burst of abandoned attempts shows, and a model's total cannot be over the
 * tolerance unless one of its hours is (the total's difference is at most the sum of the hours' differences).
 * The totals are for reading: a total within the tolerance beside hours over it says that the hours' differences
 * cancel out, as calls counted in neighbouring hours on the two sides do.
 */
public record Reconciliation(ReconcileQuery query, Tolerance tolerance, List<HourRow> hours) {

    public Reconciliation {
        hours = List.copyOf(hours);
    }

    /** Each model's hours added up, for the models with any hour, in the query's order. */
    public Map<String, Comparison> totals() {
        Map<String, Comparison> totals = new LinkedHashMap<>();
        for (Target target : query.targets()) {
            hours.stream().filter(row -> row.modelId().equals(target.modelId()))
                    .map(HourRow::counts)
                    .reduce(Comparison::plus)
                    .ifPresent(total -> totals.put(target.modelId(), total));
        }
        return totals;
    }

    public List<HourRow> hoursOver() {
        return hours.stream().filter(row -> tolerance.isExceededBy(row.counts())).toList();
    }

    /** The models whose total is over the tolerance. */
    public List<String> totalsOver() {
        return totals().entrySet().stream().filter(total -> tolerance.isExceededBy(total.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The models neither side has a data point for in the whole range. */
    public List<Target> withoutData() {
        return query.targets().stream().filter(target -> !totals().containsKey(target.modelId())).toList();
    }

    public boolean withinTolerance() {
        return hoursOver().isEmpty();
    }
}
