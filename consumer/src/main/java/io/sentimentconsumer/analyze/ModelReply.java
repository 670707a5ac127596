package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.TokenUsage;

/**
 * What one model call returned.
 *
 * @param text           the answer's text blocks, joined
 * @param usage          billed tokens; {@code null} when the service sent no usage
 * @param stopReason     why generation stopped, as the service named it (e.g. {@code end_turn}, {@code max_tokens},
 *                       or a value newer than this code); {@code null} when the service named none
 * @param durationMillis client-side wall time of the call, SDK retries included
 * @param latencyMillis  the service's own {@code metrics.latencyMs}; {@code null} when absent
 * @param attempts       HTTP attempts the SDK made for this call
 * @param throttles      attempts the service answered with a throttling error
 * @param abandonedAttempts attempts sent that got no answer (timed out, connection lost); Bedrock may have billed
 *                       them
 * @param backoffMillis  time the SDK waited between attempts
 */
public record ModelReply(
        String text,
        TokenUsage usage,
        String stopReason,
        double durationMillis,
        Long latencyMillis,
        int attempts,
        int throttles,
        int abandonedAttempts,
        double backoffMillis) {

    /** A reply whose attempts all got an answer: every in-process model's. */
    public ModelReply(String text, TokenUsage usage, String stopReason, double durationMillis, Long latencyMillis,
                      int attempts, int throttles, double backoffMillis) {
        this(text, usage, stopReason, durationMillis, latencyMillis, attempts, throttles, 0, backoffMillis);
    }
}
