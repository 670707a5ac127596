package io.sentimentconsumer.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The calls' durations of a group: every value where the source has them (files, the calls dataset), so that the
 * percentiles are exact; the percentiles Logs Insights computed per hour, model and tier otherwise.
 */
final class LatencyTally {

    private double[] values = new double[16];
    private int count;
    private final List<Percentiles> computed = new ArrayList<>();

    void add(double durationMs) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = durationMs;
    }

    void add(Percentiles percentiles) {
        computed.add(percentiles);
    }

    void add(LatencyTally other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
        computed.addAll(other.computed);
    }

    Optional<Percentiles> percentiles() {
        if (count > 0) {
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return Optional.of(new Percentiles(Percentiles.nearestRank(sorted, count, 50),
                    Percentiles.nearestRank(sorted, count, 90), Percentiles.nearestRank(sorted, count, 99), false));
        }
        if (computed.size() == 1) {
            return Optional.of(computed.get(0));
        }
        return computed.stream().reduce(Percentiles::atMost);
    }
}
