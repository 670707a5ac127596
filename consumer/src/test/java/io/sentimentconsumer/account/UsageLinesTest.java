package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.NOVA_MICRO;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.log.EventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two log lines are a contract users build metric filters on: these are their golden texts. */
class UsageLinesTest {

    private static final TokenUsage EXAMPLE_USAGE = new TokenUsage(1234, 567, 0, 0);

    private static CallRecord call(TokenUsage usage, int posts, double durationMillis, BigDecimal cost) {
        return new CallRecord(1, false, posts, usage, cost, durationMillis, 700L, "end_turn", Attempts.ONE);
    }

    private static CallRecord novaMicroCall(TokenUsage usage, int posts, double durationMillis) {
        return call(usage, posts, durationMillis, novaMicro().cost(usage).orElseThrow());
    }

    @Test
    void callLineMatchesTheContractExample() {
        CallRecord example = novaMicroCall(EXAMPLE_USAGE, 25, 731.59);

        // The contract's example line prints "Estimated cost: $0.000122", which does not follow from its own
        // inputs: 1234 × $0.035/1M + 567 × $0.14/1M = $0.00012257 exactly, and that rounds to $0.000123 under
        // half-up (and under any round-to-nearest rule). Everything else is the example verbatim; the cost is
        // what the documented rule (exact value, rounded half-up to 6 decimals) gives.
        assertThat(UsageLines.call(example, false)).isEqualTo(
                "Bedrock API token usage: Input tokens: 1234, Output tokens: 567, Total tokens: 1801, "
                        + "Posts analyzed: 25, Tokens per post: 72.04, Duration: 731.59ms, Estimated cost: $0.000123");
    }

    @Test
    void summaryLineMatchesTheContractExampleForThreeExampleCalls() {
        CallLedger tracker = new CallLedger(NOVA_MICRO, CallPricing.defaultTierOnly(Optional.of(novaMicro())), false,
                new EventLog(new PrintStream(OutputStream.nullOutputStream()), EventLog.Format.JSON));
        for (int batch = 1; batch <= 3; batch++) {
            tracker.record(batch, false, 25, new CallReceipt(EXAMPLE_USAGE, "end_turn", 731.59, 700L, Attempts.ONE));
        }

        // 3 × $0.00012257 = $0.00036771, printed half-up as $0.000368.
        assertThat(UsageLines.summary("Lambda invocation token summary", tracker.totals(), false)).isEqualTo(
                "Lambda invocation token summary: Total tokens: 5403 (Input: 3702, Output: 1701), API calls: 3, "
                        + "Posts analyzed: 75, Avg tokens/post: 72.04, Total cost: $0.000368");
    }

    @Test
    void callLineRoundsDurationHalfUpToTwoDecimals() {
        assertThat(UsageLines.call(novaMicroCall(EXAMPLE_USAGE, 25, 731.585), false))
                .contains(", Duration: 731.59ms,");
        assertThat(UsageLines.call(novaMicroCall(EXAMPLE_USAGE, 25, 5), false))
                .contains(", Duration: 5.00ms,");
    }

    @Test
    void callLineRoundsTheDurationAsItPrintsNotItsBinaryValue() {
        // The double nearest 1.005 is 1.00499999999999989...; the line rounds the decimal 1.005 it prints as.
        assertThat(UsageLines.call(novaMicroCall(EXAMPLE_USAGE, 25, 1.005), false))
                .contains(", Duration: 1.01ms,");
    }

    @Test
    void costIsRoundedHalfUpToSixDecimalsOnlyWhenPrinted() {
        assertThat(UsageLines.dollars(new BigDecimal("0.0000025"))).isEqualTo("$0.000003");
        assertThat(UsageLines.dollars(new BigDecimal("0.00000249999"))).isEqualTo("$0.000002");
        assertThat(UsageLines.dollars(BigDecimal.ZERO)).isEqualTo("$0.000000");
        assertThat(UsageLines.dollars(new BigDecimal("12.5"))).isEqualTo("$12.500000");
    }

    @Test
    void callLineAppendsCacheTokensAndCountsThemInTheTotal() {
        TokenUsage cached = new TokenUsage(1234, 567, 4000, 0);

        // 1234 × 0.035 + 567 × 0.14 + 4000 × 0.00875 = 157.57 micro-dollars; (1234 + 567 + 4000) / 25 = 232.04
        assertThat(UsageLines.call(novaMicroCall(cached, 25, 731.59), false)).isEqualTo(
                "Bedrock API token usage: Input tokens: 1234, Output tokens: 567, Total tokens: 5801, "
                        + "Posts analyzed: 25, Tokens per post: 232.04, Duration: 731.59ms, Estimated cost: $0.000158, "
                        + "Cache read tokens: 4000, Cache write tokens: 0");
    }

    @Test
    void callLineHasNoCacheSuffixWithoutCacheTokens() {
        assertThat(UsageLines.call(novaMicroCall(EXAMPLE_USAGE, 25, 731.59), false))
                .doesNotContain("Cache")
                .endsWith("Estimated cost: $0.000123");
    }

    @Test
    void summaryLineShowsCacheTokensOnlyWhenThereAreSome() {
        CallTotals.Builder oneCall = CallTotals.builder().apiCalls(1).postsAnalyzed(2)
                .costUsd(new BigDecimal("0.00001")).attempts(Attempts.ONE);
        CallTotals cached = oneCall.usage(new TokenUsage(100, 50, 0, 30)).build();
        CallTotals plain = oneCall.usage(new TokenUsage(100, 50, 0, 0)).build();

        assertThat(UsageLines.summary("Worker token summary", cached, false)).isEqualTo(
                "Worker token summary: Total tokens: 180 (Input: 100, Output: 50, Cache read: 0, Cache write: 30), "
                        + "API calls: 1, Posts analyzed: 2, Avg tokens/post: 90.00, Total cost: $0.000010");
        assertThat(UsageLines.summary("Worker token summary", plain, false)).isEqualTo(
                "Worker token summary: Total tokens: 150 (Input: 100, Output: 50), "
                        + "API calls: 1, Posts analyzed: 2, Avg tokens/post: 75.00, Total cost: $0.000010");
    }

    @Test
    void estimatedCountsAreMarkedInBothLines() {
        CallTotals totals = CallTotals.builder().usage(EXAMPLE_USAGE).apiCalls(1).postsAnalyzed(25)
                .costUsd(new BigDecimal("0.00012257")).attempts(Attempts.ONE).build();

        assertThat(UsageLines.call(novaMicroCall(EXAMPLE_USAGE, 25, 731.59), true))
                .startsWith("Bedrock API token usage (estimated): Input tokens: 1234,");
        assertThat(UsageLines.summary("Lambda invocation token summary", totals, true))
                .startsWith("Lambda invocation token summary (estimated): Total tokens: 1801 (");
    }

    @Test
    void missingCostIsPrintedAsUnpriced() {
        CallTotals totals = CallTotals.builder().usage(EXAMPLE_USAGE).apiCalls(1).postsAnalyzed(25).costUsd(null)
                .unpricedCalls(1).attempts(Attempts.ONE).build();

        assertThat(UsageLines.call(call(EXAMPLE_USAGE, 25, 731.59, null), false))
                .endsWith(", Estimated cost: unpriced");
        assertThat(UsageLines.summary("Lambda invocation token summary", totals, false))
                .endsWith(", Total cost: unpriced");
    }

    @Test
    void tokensPerPostOfNoPostsIsZero() {
        CallTotals none = CallTotals.builder().build();

        assertThat(UsageLines.perPost(1801, 0)).isEqualByComparingTo("0").hasToString("0.00");
        assertThat(UsageLines.call(call(new TokenUsage(40, 0, 0, 0), 0, 1, BigDecimal.ZERO), false))
                .contains(", Tokens per post: 0.00,");
        assertThat(UsageLines.summary("Lambda invocation token summary", none, false))
                .isEqualTo("Lambda invocation token summary: Total tokens: 0 (Input: 0, Output: 0), API calls: 0, "
                        + "Posts analyzed: 0, Avg tokens/post: 0.00, Total cost: $0.000000");
    }

    @Test
    void tokensPerPostIsRoundedHalfUpToTwoDecimals() {
        assertThat(UsageLines.perPost(1801, 25)).hasToString("72.04");
        assertThat(UsageLines.perPost(1, 8)).hasToString("0.13");   // 0.125
        assertThat(UsageLines.perPost(2, 3)).hasToString("0.67");   // 0.666...
        assertThat(UsageLines.perPost(50, 1)).hasToString("50.00");
    }
}
