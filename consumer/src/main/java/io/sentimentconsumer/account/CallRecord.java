package io.sentimentconsumer.account;

import java.math.BigDecimal;

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
        Attempts attempts) {

    public boolean priced() {
        return costUsd != null;
    }
}
