package io.sentimentconsumer.publish;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import java.util.ArrayList;
import java.util.List;

/** Maps an invocation's accounting to the metrics users query and alarm on. */
public final class InvocationMetrics {

    private InvocationMetrics() {}

    public static List<Measurement> of(List<CallRecord> calls, CallTotals totals, RecordCounts counts) {
        List<Measurement> out = new ArrayList<>();
        for (CallRecord call : calls) {
            var usage = call.usage();
            out.add(new Measurement("InputTokens", MetricUnit.COUNT, usage.inputTokens()));
            out.add(new Measurement("OutputTokens", MetricUnit.COUNT, usage.outputTokens()));
            out.add(new Measurement("TotalTokens", MetricUnit.COUNT, usage.totalTokens()));
            out.add(new Measurement("TokensPerPost", MetricUnit.COUNT,
                    call.posts() == 0 ? 0 : (double) usage.totalTokens() / call.posts()));
            out.add(new Measurement("BedrockAPILatency", MetricUnit.MILLISECONDS, call.durationMillis()));
            if (call.priced()) {
                out.add(new Measurement("BedrockCost", MetricUnit.NONE, call.costUsd().doubleValue()));
            }
            if (usage.cacheReadInputTokens() != 0) {
                out.add(new Measurement("CacheReadInputTokens", MetricUnit.COUNT, usage.cacheReadInputTokens()));
            }
            if (usage.cacheWriteInputTokens() != 0) {
                out.add(new Measurement("CacheWriteInputTokens", MetricUnit.COUNT, usage.cacheWriteInputTokens()));
            }
        }
        out.add(new Measurement("PositivePosts", MetricUnit.COUNT, counts.positive()));
        out.add(new Measurement("NegativePosts", MetricUnit.COUNT, counts.negative()));
        out.add(new Measurement("NeutralPosts", MetricUnit.COUNT, counts.neutral()));
        out.add(new Measurement("UnscoredPosts", MetricUnit.COUNT, counts.unscored()));
        out.add(new Measurement("InvalidRecords", MetricUnit.COUNT, counts.invalid()));
        out.add(new Measurement("HandedBackRecords", MetricUnit.COUNT, counts.handedBack()));
        out.add(new Measurement("BedrockThrottles", MetricUnit.COUNT, totals.throttles()));
        if (totals.abandonedAttempts() > 0) {
            out.add(new Measurement("AbandonedAttempts", MetricUnit.COUNT, totals.abandonedAttempts()));
        }
        if (counts.reused() > 0) {
            out.add(new Measurement("ReusedOutcomes", MetricUnit.COUNT, counts.reused()));
        }
        if (totals.unpricedCalls() > 0) {
            out.add(new Measurement("UnpricedCalls", MetricUnit.COUNT, totals.unpricedCalls()));
        }
        return out;
    }
}
