package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

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
 * @param byTier            the calls that returned usage by the service tier that served them, in tier order
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
        int abandonedAttempts,
        Map<String, TierTotals> byTier) {

    public static final CallTotals NONE = builder().build();

    public CallTotals {
        byTier = Collections.unmodifiableSortedMap(new TreeMap<>(byTier));
    }

    /** Totals that start at none: no tokens, no calls, a cost of zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** The totals of both; the cost stays unknown once either is. */
    public CallTotals plus(CallTotals other) {
        return new CallTotals(usage.plus(other.usage), apiCalls + other.apiCalls, postsAnalyzed + other.postsAnalyzed,
                costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd),
                unpricedCalls + other.unpricedCalls, callsWithoutUsage + other.callsWithoutUsage,
                failedCalls + other.failedCalls, attempts + other.attempts, throttles + other.throttles,
                abandonedAttempts + other.abandonedAttempts, merged(byTier, other.byTier));
    }

    private static Map<String, TierTotals> merged(Map<String, TierTotals> one, Map<String, TierTotals> other) {
        Map<String, TierTotals> both = new TreeMap<>(one);
        other.forEach((tier, totals) -> both.merge(tier, totals, TierTotals::plus));
        return both;
    }

    /** Sets the totals by name; the HTTP attempts come as one {@link Attempts}, as the calls report them. */
    public static final class Builder {
        private TokenUsage usage = TokenUsage.ZERO;
        private int apiCalls;
        private int postsAnalyzed;
        private BigDecimal costUsd = BigDecimal.ZERO;
        private int unpricedCalls;
        private int callsWithoutUsage;
        private int failedCalls;
        private Attempts attempts = Attempts.NONE;
        private Map<String, TierTotals> byTier = Map.of();

        private Builder() {}

        public Builder usage(TokenUsage value) {
            usage = value;
            return this;
        }

        public Builder apiCalls(int value) {
            apiCalls = value;
            return this;
        }

        public Builder postsAnalyzed(int value) {
            postsAnalyzed = value;
            return this;
        }

        /** {@code null} when any call could not be priced. */
        public Builder costUsd(BigDecimal value) {
            costUsd = value;
            return this;
        }

        public Builder unpricedCalls(int value) {
            unpricedCalls = value;
            return this;
        }

        public Builder callsWithoutUsage(int value) {
            callsWithoutUsage = value;
            return this;
        }

        public Builder failedCalls(int value) {
            failedCalls = value;
            return this;
        }

        /** The attempts, throttles and abandoned attempts of all calls; their back-off is not a total. */
        public Builder attempts(Attempts value) {
            attempts = value;
            return this;
        }

        /** The calls by the tier that served them ({@link TierTotals#UNKNOWN_TIER} where nobody named it). */
        public Builder byTier(Map<String, TierTotals> value) {
            byTier = value;
            return this;
        }

        public CallTotals build() {
            return new CallTotals(usage, apiCalls, postsAnalyzed, costUsd, unpricedCalls, callsWithoutUsage,
                    failedCalls, attempts.count(), attempts.throttles(), attempts.abandoned(), byTier);
        }
    }
}
