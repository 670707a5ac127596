package io.sentimentconsumer.account;

import java.util.HashMap;
import java.util.Map;

/**
 * Tokens one call was billed for. The total counts every kind, cache reads and writes included.
 *
 * <p>{@code cacheWritesByTtl} splits the cache writes by the lifetime of the entries written, as Converse's
 * {@code usage.cacheDetails} reports it. It is optional and may cover only part of the writes: writes it does not
 * cover are of unknown lifetime and priced at the price's single cache-write rate. Empty (the four-count
 * constructor) means the call reported no breakdown, which is every call until the breakdown is read from the
 * response.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                         Map<CacheTtl, Long> cacheWritesByTtl) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadInputTokens < 0 || cacheWriteInputTokens < 0
                || cacheWritesByTtl.values().stream().anyMatch(tokens -> tokens < 0)) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        cacheWritesByTtl = Map.copyOf(cacheWritesByTtl);
        long byTtl = cacheWritesByTtl.values().stream().mapToLong(Long::longValue).sum();
        if (byTtl > cacheWriteInputTokens) {
            throw new IllegalArgumentException("cache writes by TTL (" + byTtl + ") exceed the call's cache write "
                    + "tokens (" + cacheWriteInputTokens + "): count every write in cacheWriteInputTokens");
        }
    }

    /** A call without a breakdown of its cache writes by lifetime. */
    public TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
        this(inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, Map.of());
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheReadInputTokens + cacheWriteInputTokens;
    }

    public boolean hasCacheTokens() {
        return cacheReadInputTokens != 0 || cacheWriteInputTokens != 0;
    }

    /** The cache writes {@link #cacheWritesByTtl} does not attribute to a lifetime. */
    public long cacheWritesOfUnknownTtl() {
        return cacheWriteInputTokens - cacheWritesByTtl.values().stream().mapToLong(Long::longValue).sum();
    }

    public TokenUsage plus(TokenUsage other) {
        Map<CacheTtl, Long> byTtl = new HashMap<>(cacheWritesByTtl);
        other.cacheWritesByTtl.forEach((ttl, tokens) -> byTtl.merge(ttl, tokens, Long::sum));
        return new TokenUsage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                cacheReadInputTokens + other.cacheReadInputTokens,
                cacheWriteInputTokens + other.cacheWriteInputTokens,
                byTtl);
    }
}
