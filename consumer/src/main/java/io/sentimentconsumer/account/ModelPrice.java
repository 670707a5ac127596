package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * USD per one million tokens of each kind. Cache prices are absent for models without prompt caching; a call that
 * reports cache tokens for such a model cannot be priced.
 */
public record ModelPrice(
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cacheReadPerMillion,
        BigDecimal cacheWritePerMillion,
        String source,
        String asOf) {

    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "input price");
        Objects.requireNonNull(outputPerMillion, "output price");
    }

    /** The exact cost of the usage in USD, or empty when the usage has a kind of token this price lacks. */
    public Optional<BigDecimal> cost(TokenUsage usage) {
        if ((usage.cacheReadInputTokens() > 0 && cacheReadPerMillion == null)
                || (usage.cacheWriteInputTokens() > 0 && cacheWritePerMillion == null)) {
            return Optional.empty();
        }
        BigDecimal micro = inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(times(cacheReadPerMillion, usage.cacheReadInputTokens()))
                .add(times(cacheWritePerMillion, usage.cacheWriteInputTokens()));
        return Optional.of(micro.movePointLeft(6).stripTrailingZeros());
    }

    private static BigDecimal times(BigDecimal price, long tokens) {
        return tokens == 0 ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(tokens));
    }
}
