package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The accounting of one model call that returned usage.
 *
 * @param batch          the batch's position in its invocation, from 1
 * @param followUp       whether this call re-asked posts the batch's first answer left without a score
 * @param posts          posts in this call
 * @param costUsd        exact cost; {@code null} when the model has no price
 * @param durationMillis client-side wall time
 * @param latencyMillis  the service's {@code metrics.latencyMs}, {@code null} when absent
 * @param attempts       the HTTP attempts inside the call
 * @param servedTier     the service tier the call was accounted to ({@link CallPricing}); {@code null} when the
 *                       response did not say and the request had asked for another tier than the default
 * @param callId         the call's id, unique across deliveries: the results datasets join posts to calls by it;
 *                       {@code null} for a record made outside a ledger
 * @param calledAt       when the call was sent; {@code null} for a record made outside a ledger
 */
public record CallRecord(
        int batch,
        boolean followUp,
        int posts,
        TokenUsage usage,
        BigDecimal costUsd,
        double durationMillis,
        Long latencyMillis,
        String stopReason,
        Attempts attempts,
        String servedTier,
        String callId,
        Instant calledAt) {

    /** A call made outside a ledger: no id, no time. */
    public CallRecord(int batch, boolean followUp, int posts, TokenUsage usage, BigDecimal costUsd,
                      double durationMillis, Long latencyMillis, String stopReason, Attempts attempts,
                      String servedTier) {
        this(batch, followUp, posts, usage, costUsd, durationMillis, latencyMillis, stopReason, attempts, servedTier,
                null, null);
    }

    /** A call served on the default tier, the one a request that names no tier gets. */
    public CallRecord(int batch, boolean followUp, int posts, TokenUsage usage, BigDecimal costUsd,
                      double durationMillis, Long latencyMillis, String stopReason, Attempts attempts) {
        this(batch, followUp, posts, usage, costUsd, durationMillis, latencyMillis, stopReason, attempts,
                ServiceTier.DEFAULT.id());
    }

    /** Whether the call was served on another tier than the default one, or on a tier nobody named. */
    public boolean offDefaultTier() {
        return !ServiceTier.DEFAULT.id().equals(servedTier);
    }

    public boolean priced() {
        return costUsd != null;
    }
}
