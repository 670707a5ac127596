package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.Attempts;
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
 * @param attempts       the HTTP attempts the SDK made for this call
 */
public record ModelReply(
        String text,
        TokenUsage usage,
        String stopReason,
        double durationMillis,
        Long latencyMillis,
        Attempts attempts) {}
