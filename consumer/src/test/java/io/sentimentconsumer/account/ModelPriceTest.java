package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.CLAUDE_3_HAIKU;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelPriceTest {

    @Test
    void isExactForInputAndOutputTokens() {
        // 1234 × 0.035 / 1M + 567 × 0.14 / 1M = 0.00004319 + 0.00007938
        BigDecimal cost = novaMicro().cost(new TokenUsage(1234, 567, 0, 0)).orElseThrow();

        assertThat(cost).isEqualByComparingTo("0.00012257");
    }

    @Test
    void ofNoTokensIsZero() {
        assertThat(novaMicro().cost(TokenUsage.ZERO)).hasValueSatisfying(
                cost -> assertThat(cost).isEqualByComparingTo(BigDecimal.ZERO));
    }

    @Test
    void pricesCacheReadTokensAtTheCacheReadPrice() {
        assertThat(novaMicro().cost(new TokenUsage(0, 0, 1_000_000, 0)).orElseThrow())
                .isEqualByComparingTo("0.00875");
    }

    @Test
    void pricesCacheWriteTokensAtTheCacheWritePrice() {
        assertThat(novaMicro().cost(new TokenUsage(0, 0, 0, 1_000_000)).orElseThrow())
                .isEqualByComparingTo("0.035");
    }

    @Test
    void addsEveryKindOfToken() {
        // 1000 × 0.035 + 200 × 0.14 + 4000 × 0.00875 + 500 × 0.035 = 35 + 28 + 35 + 17.5 micro-dollars
        assertThat(novaMicro().cost(new TokenUsage(1000, 200, 4000, 500)).orElseThrow())
                .isEqualByComparingTo("0.0001155");
    }

    @Test
    void keepsDigitsNoDoubleCouldHold() {
        ModelPrice price = ModelPrice.builder(new BigDecimal("0.1"), new BigDecimal("0.2"))
                .source("test", LocalDate.of(2025, 1, 1)).build();

        // 0.1 + 0.2 in binary floating point is 0.30000000000000004
        assertThat(price.cost(new TokenUsage(1, 1, 0, 0)).orElseThrow()).isEqualByComparingTo("0.0000003");
    }

    @Test
    void isEmptyForCacheTokensOfAModelWithoutCachePrices() {
        ModelPrice haiku = Prices.bundled(CLAUDE_3_HAIKU);

        assertThat(haiku.cost(new TokenUsage(1234, 567, 100, 0))).isEmpty();
        assertThat(haiku.cost(new TokenUsage(1234, 567, 0, 100))).isEmpty();
    }

    @Test
    void ofAModelWithoutCachePricesIsKnownWithoutCacheTokens() {
        ModelPrice haiku = Prices.bundled(CLAUDE_3_HAIKU);

        // 1234 × 0.25 + 567 × 1.25 = 308.5 + 708.75 micro-dollars
        assertThat(haiku.cost(new TokenUsage(1234, 567, 0, 0)).orElseThrow()).isEqualByComparingTo("0.00101725");
    }

    /** Claude 3.5 Haiku's shape of price with a rate per cache lifetime; the figures are made up for the test. */
    private static ModelPrice byTtl() {
        return ModelPrice.builder(new BigDecimal("1"), new BigDecimal("4"))
                .cacheRead(new BigDecimal("0.1"))
                .cacheWrite(CacheTtl.FIVE_MINUTES, new BigDecimal("1.25"))
                .cacheWrite(CacheTtl.ONE_HOUR, new BigDecimal("2"))
                .source("test", LocalDate.of(2026, 10, 1))
                .build();
    }

    @Test
    void pricesEachCacheLifetimeAtItsOwnRate() {
        TokenUsage usage = new TokenUsage(1000, 100, 0, 3000,
                Map.of(CacheTtl.FIVE_MINUTES, 1000L, CacheTtl.ONE_HOUR, 2000L));

        // 1000 × 1 + 100 × 4 + 1000 × 1.25 + 2000 × 2 = 1000 + 400 + 1250 + 4000 micro-dollars
        assertThat(byTtl().cost(usage).orElseThrow()).isEqualByComparingTo("0.00665");
    }

    @Test
    void isEmptyForCacheWritesOfALifetimeThePriceLacks() {
        TokenUsage usage = new TokenUsage(1000, 100, 0, 500, Map.of(new CacheTtl("30m"), 500L));

        assertThat(byTtl().cost(usage)).isEmpty();
    }

    @Test
    void isEmptyForCacheWritesOfUnreportedLifetimeWhenThePriceHasOnlyRatesByLifetime() {
        // 500 writes, of which 200 are reported as 5m: the other 300 have no single rate to go by.
        TokenUsage usage = new TokenUsage(1000, 100, 0, 500, Map.of(CacheTtl.FIVE_MINUTES, 200L));

        assertThat(byTtl().cost(usage)).isEmpty();
    }

    @Test
    void pricesCacheWritesOfUnreportedLifetimeAtTheSingleRateAndNeverAtALifetimesRate() {
        TokenUsage usage = new TokenUsage(0, 0, 0, 1_000_000, Map.of(CacheTtl.ONE_HOUR, 400_000L));

        // Nova Micro has one cache-write rate (0.035) and none by lifetime: 1h writes are unpriced ...
        assertThat(novaMicro().cost(usage)).isEmpty();
        // ... and writes without a lifetime go at the single rate.
        assertThat(novaMicro().cost(new TokenUsage(0, 0, 0, 1_000_000)).orElseThrow())
                .isEqualByComparingTo("0.035");
    }

    @Test
    void needsNoCacheRateForALifetimeWithNoWrites() {
        TokenUsage usage = new TokenUsage(1000, 100, 0, 0, Map.of(new CacheTtl("30m"), 0L));

        // 1000 × 1 + 100 × 4 micro-dollars
        assertThat(byTtl().cost(usage).orElseThrow()).isEqualByComparingTo("0.0014");
    }
}
