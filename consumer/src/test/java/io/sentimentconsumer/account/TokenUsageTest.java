package io.sentimentconsumer.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void hasNoBreakdownByLifetimeUnlessGivenOne() {
        TokenUsage usage = new TokenUsage(10, 5, 0, 40);

        assertThat(usage.cacheWritesByTtl()).isEmpty();
        assertThat(usage.cacheWritesOfUnknownTtl()).isEqualTo(40);
    }

    @Test
    void leavesTheWritesTheBreakdownDoesNotCoverOfUnknownLifetime() {
        TokenUsage usage = new TokenUsage(10, 5, 0, 40, Map.of(CacheTtl.FIVE_MINUTES, 15L, CacheTtl.ONE_HOUR, 5L));

        assertThat(usage.cacheWritesOfUnknownTtl()).isEqualTo(20);
        assertThat(usage.totalTokens()).isEqualTo(55);
    }

    @Test
    void addsBreakdownsLifetimeByLifetime() {
        TokenUsage first = new TokenUsage(10, 5, 0, 40, Map.of(CacheTtl.FIVE_MINUTES, 15L));
        TokenUsage second = new TokenUsage(1, 1, 2, 30, Map.of(CacheTtl.FIVE_MINUTES, 10L, CacheTtl.ONE_HOUR, 20L));

        assertThat(first.plus(second)).isEqualTo(
                new TokenUsage(11, 6, 2, 70, Map.of(CacheTtl.FIVE_MINUTES, 25L, CacheTtl.ONE_HOUR, 20L)));
        assertThat(first.plus(new TokenUsage(0, 0, 0, 7)).cacheWritesOfUnknownTtl()).isEqualTo(25 + 7);
    }

    @Test
    void refusesABreakdownLargerThanTheWrites() {
        assertThatThrownBy(() -> new TokenUsage(0, 0, 0, 10, Map.of(CacheTtl.ONE_HOUR, 11L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache writes by TTL (11) exceed the call's cache write tokens (10)");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new TokenUsage(0, 0, 0, 10, Map.of(CacheTtl.ONE_HOUR, -1L)))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0)).hasMessageContaining("cannot be negative");
    }
}
