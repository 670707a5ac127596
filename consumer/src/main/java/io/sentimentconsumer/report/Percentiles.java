package io.sentimentconsumer.report;

/**
 * The 50th, 90th and 99th percentile of calls' {@code durationMs}.
 *
 * @param upperBound true where they are the largest of several groups' own percentiles (Logs Insights computes them
 *                   per hour, model and tier): a bound on the pooled percentile, never below it, not its value
 */
public record Percentiles(double p50, double p90, double p99, boolean upperBound) {

    /** Nearest rank: the smallest value with at least {@code percent}% of the values at or below it. */
    static double nearestRank(double[] sorted, int count, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The largest of each: where groups' values cannot be pooled. */
    Percentiles atMost(Percentiles other) {
        return new Percentiles(Math.max(p50, other.p50), Math.max(p90, other.p90), Math.max(p99, other.p99), true);
    }
}
