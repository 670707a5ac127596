package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * USD per one million tokens of each kind, with where the figures come from and the date they were read there.
 * Cache prices are absent for models without prompt caching, and a cache write may be priced by the lifetime of
 * the entry written; a call that reports a kind of token this price lacks cannot be priced.
 *
 * @param cacheWritePerMillion      the rate of cache writes whose lifetime the call did not report
 * @param cacheWritePerMillionByTtl the rate of cache writes of each lifetime the source prices separately
 */
public record ModelPrice(
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cacheReadPerMillion,
        BigDecimal cacheWritePerMillion,
        Map<CacheTtl, BigDecimal> cacheWritePerMillionByTtl,
        String source,
        LocalDate asOf) {

    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "input price");
        Objects.requireNonNull(outputPerMillion, "output price");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        cacheWritePerMillionByTtl = Map.copyOf(cacheWritePerMillionByTtl);
    }

    public static Builder builder(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        return new Builder(inputPerMillion, outputPerMillion);
    }

    /** The exact cost of the usage in USD, or empty when the usage has a kind of token this price lacks. */
    public Optional<BigDecimal> cost(TokenUsage usage) {
        if (usage.cacheReadInputTokens() > 0 && cacheReadPerMillion == null) {
            return Optional.empty();
        }
        return cacheWriteMicros(usage).map(writes -> inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(times(cacheReadPerMillion, usage.cacheReadInputTokens()))
                .add(writes)
                .movePointLeft(6)
                .stripTrailingZeros());
    }

    /** Cache writes in USD per million: each lifetime at its rate, the rest at the single rate. */
    private Optional<BigDecimal> cacheWriteMicros(TokenUsage usage) {
        BigDecimal micros = BigDecimal.ZERO;
        for (Map.Entry<CacheTtl, Long> writes : usage.cacheWritesByTtl().entrySet()) {
            BigDecimal rate = cacheWritePerMillionByTtl.get(writes.getKey());
            if (writes.getValue() > 0 && rate == null) {
                return Optional.empty();
            }
            micros = micros.add(times(rate, writes.getValue()));
        }
        long unknownTtl = usage.cacheWritesOfUnknownTtl();
        if (unknownTtl > 0 && cacheWritePerMillion == null) {
            return Optional.empty();
        }
        return Optional.of(micros.add(times(cacheWritePerMillion, unknownTtl)));
    }

    private static BigDecimal times(BigDecimal price, long tokens) {
        return tokens == 0 ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(tokens));
    }

    /** A price with only input and output rates until more are given; source and date are required. */
    public static final class Builder {
        private final BigDecimal inputPerMillion;
        private final BigDecimal outputPerMillion;
        private BigDecimal cacheReadPerMillion;
        private BigDecimal cacheWritePerMillion;
        private final Map<CacheTtl, BigDecimal> cacheWritePerMillionByTtl = new HashMap<>();
        private String source;
        private LocalDate asOf;

        private Builder(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
            this.inputPerMillion = inputPerMillion;
            this.outputPerMillion = outputPerMillion;
        }

        public Builder cacheRead(BigDecimal perMillion) {
            this.cacheReadPerMillion = perMillion;
            return this;
        }

        /** The rate of cache writes of unreported lifetime. */
        public Builder cacheWrite(BigDecimal perMillion) {
            this.cacheWritePerMillion = perMillion;
            return this;
        }

        public Builder cacheWrite(CacheTtl ttl, BigDecimal perMillion) {
            this.cacheWritePerMillionByTtl.put(ttl, perMillion);
            return this;
        }

        public Builder source(String source, LocalDate asOf) {
            this.source = source;
            this.asOf = asOf;
            return this;
        }

        public ModelPrice build() {
            return new ModelPrice(inputPerMillion, outputPerMillion, cacheReadPerMillion, cacheWritePerMillion,
                    cacheWritePerMillionByTtl, source, asOf);
        }
    }
}
