package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls served on one service tier: each tier is billed at its own rate, so a summary breaks its totals down
 * by the tier that served the calls.
 *
 * @param costUsd exact total; {@code null} when any of these calls could not be priced
 */
public record TierTotals(int apiCalls, TokenUsage usage, BigDecimal costUsd, int unpricedCalls) {

    /** The name summaries use for calls whose tier nobody named. */
    public static final String UNKNOWN_TIER = "unknown";

    static TierTotals of(CallRecord call) {
        return new TierTotals(1, call.usage(), call.costUsd(), call.priced() ? 0 : 1);
    }

    public TierTotals plus(TierTotals other) {
        return new TierTotals(apiCalls + other.apiCalls, usage.plus(other.usage),
                costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd),
                unpricedCalls + other.unpricedCalls);
    }

    /** As a summary line's JSON writes it. */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("apiCalls", apiCalls);
        fields.put("inputTokens", usage.inputTokens());
        fields.put("outputTokens", usage.outputTokens());
        fields.put("cacheReadInputTokens", usage.cacheReadInputTokens());
        fields.put("cacheWriteInputTokens", usage.cacheWriteInputTokens());
        fields.put("totalTokens", usage.totalTokens());
        fields.put("costUsd", costUsd);
        fields.put("unpricedCalls", unpricedCalls);
        return fields;
    }
}
