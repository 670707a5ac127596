package io.sentimentconsumer.publish;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.events.Metric;
import java.util.ArrayList;
import java.util.List;

/** Maps an invocation's accounting to the metrics users query and alarm on. */
public final class InvocationMetrics {

    private InvocationMetrics() {}

    /** The measurements of a delivery whose results were written, or needed none. */
    public static List<Measurement> of(List<CallRecord> calls, CallTotals totals, RecordCounts counts) {
        return of(calls, totals, counts, 0);
    }

    /** @param resultsWriteFailures writes of the delivery's results that failed */
    public static List<Measurement> of(List<CallRecord> calls, CallTotals totals, RecordCounts counts,
                                       int resultsWriteFailures) {
        List<Measurement> out = new ArrayList<>();
        for (CallRecord call : calls) {
            var usage = call.usage();
            out.add(Measurement.of(Metric.INPUT_TOKENS, usage.inputTokens()));
            out.add(Measurement.of(Metric.OUTPUT_TOKENS, usage.outputTokens()));
            out.add(Measurement.of(Metric.TOTAL_TOKENS, usage.totalTokens()));
            out.add(new Measurement("TokensPerPost", MetricUnit.COUNT,
                    call.posts() == 0 ? 0 : (double) usage.totalTokens() / call.posts()));
            out.add(Measurement.of(Metric.BEDROCK_API_LATENCY, call.durationMillis()));
            if (call.priced()) {
                out.add(Measurement.of(Metric.BEDROCK_COST, call.costUsd().doubleValue()));
            }
            if (usage.cacheReadInputTokens() != 0) {
                out.add(Measurement.of(Metric.CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens()));
            }
            if (usage.cacheWriteInputTokens() != 0) {
                out.add(Measurement.of(Metric.CACHE_WRITE_INPUT_TOKENS, usage.cacheWriteInputTokens()));
            }
        }
        out.add(Measurement.of(Metric.POSITIVE_POSTS, counts.positive()));
        out.add(Measurement.of(Metric.NEGATIVE_POSTS, counts.negative()));
        out.add(Measurement.of(Metric.NEUTRAL_POSTS, counts.neutral()));
        out.add(Measurement.of(Metric.UNSCORED_POSTS, counts.unscored()));
        out.add(Measurement.of(Metric.INVALID_RECORDS, counts.invalid()));
        out.add(Measurement.of(Metric.HANDED_BACK_RECORDS, counts.handedBack()));
        out.add(Measurement.of(Metric.BEDROCK_THROTTLES, totals.throttles()));
        if (totals.abandonedAttempts() > 0) {
            out.add(Measurement.of(Metric.ABANDONED_ATTEMPTS, totals.abandonedAttempts()));
        }
        if (counts.reused() > 0) {
            out.add(Measurement.of(Metric.REUSED_OUTCOMES, counts.reused()));
        }
        if (totals.unpricedCalls() > 0) {
            out.add(Measurement.of(Metric.UNPRICED_CALLS, totals.unpricedCalls()));
        }
        if (resultsWriteFailures > 0) {
            out.add(Measurement.of(Metric.RESULTS_WRITE_FAILURES, resultsWriteFailures));
        }
        return out;
    }
}
