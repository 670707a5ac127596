package io.sentimentconsumer.account;

import java.math.BigDecimal;

/**
 * Sums over the model calls of one invocation.
 *
 * @param apiCalls          calls that returned usage (SDK retries inside a call are not calls)
 * @param postsAnalyzed     posts sent to the model, each counted once: follow-up calls re-ask posts already counted
 * @param costUsd           exact total; {@code null} when any call could not be priced
 * @param unpricedCalls     calls whose tokens have no price
 * @param callsWithoutUsage calls the service answered without usage, so their tokens are unknown
 * @param failedCalls       calls that failed after their retries
 * @param attempts          HTTP attempts over all calls, failed ones included
 * @param throttles         attempts answered with a throttling error
 * @param abandonedAttempts attempts sent that got no answer (timed out, connection lost) and were retried or
 *                          failed: Bedrock may have billed them, with no usage reaching us
 */
public record CallTotals(
        TokenUsage usage,
        int apiCalls,
        int postsAnalyzed,
        BigDecimal costUsd,
        int unpricedCalls,
        int callsWithoutUsage,
        int failedCalls,
        int attempts,
        int throttles,
        int abandonedAttempts) {

    public static final CallTotals NONE = new CallTotals(TokenUsage.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

    /** Totals without abandoned attempts. */
    public CallTotals(TokenUsage usage, int apiCalls, int postsAnalyzed, BigDecimal costUsd, int unpricedCalls,
                      int callsWithoutUsage, int failedCalls, int attempts, int throttles) {
        this(usage, apiCalls, postsAnalyzed, costUsd, unpricedCalls, callsWithoutUsage, failedCalls, attempts,
                throttles, 0);
    }

    /** The totals of both; the cost stays unknown once either is. */
    public CallTotals plus(CallTotals other) {
        return new CallTotals(usage.plus(other.usage), apiCalls + other.apiCalls, postsAnalyzed + other.postsAnalyzed,
                costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd),
                unpricedCalls + other.unpricedCalls, callsWithoutUsage + other.callsWithoutUsage,
                failedCalls + other.failedCalls, attempts + other.attempts, throttles + other.throttles,
                abandonedAttempts + other.abandonedAttempts);
    }
}
