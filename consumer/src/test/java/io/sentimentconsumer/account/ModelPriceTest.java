package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.CLAUDE_3_HAIKU;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
        ModelPrice price = new ModelPrice(new BigDecimal("0.1"), new BigDecimal("0.2"), null, null, "test", "2025-01-01");

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
}
