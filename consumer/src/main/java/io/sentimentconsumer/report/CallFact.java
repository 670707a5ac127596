package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One model call that returned usage, as a {@code bedrock_call} line or a calls-dataset row records it.
 *
 * @param region   the Region the call is billed in, or {@code null} where the source does not say
 * @param tier     the service tier that served it ({@code unknown} where the source does not say)
 * @param costUsd  the exact cost, or {@code null} when the call is unpriced: never zero in its place
 * @param durationMs client-side wall time, SDK retries included: what the report's latency percentiles are of
 */
public record CallFact(Instant at, String modelId, String region, String tier, long posts, long inputTokens,
                       long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens, long totalTokens,
                       BigDecimal costUsd, double durationMs) {

    public boolean priced() {
        return costUsd != null;
    }
}
