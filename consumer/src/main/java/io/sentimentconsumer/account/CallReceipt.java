package io.sentimentconsumer.account;

/**
 * What one answered model call cost and took, as it travels from the model to the ledger (tokens, attempts) and to
 * the call gate (duration, throttles, back-off): everything of a reply but its text.
 *
 * @param usage          billed tokens; {@code null} when the service sent no usage
 * @param stopReason     why generation stopped, as the service named it (e.g. {@code end_turn}, {@code max_tokens},
 *                       or a value newer than this code); {@code null} when the service named none
 * @param durationMillis client-side wall time of the call, SDK retries included
 * @param latencyMillis  the service's own {@code metrics.latencyMs}; {@code null} when absent
 * @param attempts       the HTTP attempts the SDK made for this call
 * @param servedTier     the service tier the response says served the call, as the service named it (a tier newer
 *                       than this code stays itself); {@code null} when the response named none
 */
public record CallReceipt(
        TokenUsage usage,
        String stopReason,
        double durationMillis,
        Long latencyMillis,
        Attempts attempts,
        String servedTier) {

    /** A receipt whose response named no service tier. */
    public CallReceipt(TokenUsage usage, String stopReason, double durationMillis, Long latencyMillis,
                       Attempts attempts) {
        this(usage, stopReason, durationMillis, latencyMillis, attempts, null);
    }

    /** Whether the service said what the call used; without usage its tokens cannot be counted. */
    public boolean hasUsage() {
        return usage != null;
    }
}
