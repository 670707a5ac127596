package io.sentimentconsumer.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Totals are built by name, with the calls' attempts as one value, and add up with an unknown cost staying so. */
class CallTotalsTest {

    @Test
    void theAttemptsOfTheCallsGiveTheAttemptThrottleAndAbandonedTotals() {
        CallTotals totals = CallTotals.builder().attempts(new Attempts(7, 3, 1, 850.5)).build();

        assertThat(totals.attempts()).isEqualTo(7);
        assertThat(totals.throttles()).isEqualTo(3);
        assertThat(totals.abandonedAttempts()).isEqualTo(1);
    }

    @Test
    void noTotalsCostNothing() {
        assertThat(CallTotals.NONE).isEqualTo(new CallTotals(TokenUsage.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0,
                0, Map.of()));
    }

    @Test
    void anUnknownCostStaysUnknownWhenAdded() {
        CallTotals priced = CallTotals.builder().usage(new TokenUsage(100, 10, 0, 0)).apiCalls(1).postsAnalyzed(25)
                .costUsd(new BigDecimal("0.0000049")).attempts(Attempts.ONE).build();
        CallTotals unpriced = CallTotals.builder().usage(new TokenUsage(200, 20, 0, 0)).apiCalls(1).postsAnalyzed(5)
                .costUsd(null).unpricedCalls(1).attempts(new Attempts(2, 1, 0, 0)).build();

        assertThat(priced.plus(priced).costUsd()).isEqualByComparingTo("0.0000098");
        assertThat(priced.plus(unpriced)).isEqualTo(new CallTotals(new TokenUsage(300, 30, 0, 0), 2, 30, null, 1,
                0, 0, 3, 1, 0, Map.of()));
    }
}
