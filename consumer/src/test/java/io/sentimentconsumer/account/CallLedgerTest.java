package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.CLAUDE_3_HAIKU;
import static io.sentimentconsumer.account.Prices.NOVA_MICRO;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.testing.JsonLines;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallLedgerTest {

    private static final TokenUsage EXAMPLE_USAGE = new TokenUsage(1234, 567, 0, 0);

    private final JsonLines out = new JsonLines();
    private final EventLog log = new EventLog(out.stream(), EventLog.Format.JSON);

    private CallLedger tracker(Optional<ModelPrice> price) {
        return new CallLedger(NOVA_MICRO, CallPricing.defaultTierOnly(price), false, log);
    }

    private CallLedger novaMicroTracker() {
        return tracker(Optional.of(novaMicro()));
    }

    /** Records a first call of {@code batch} that took one attempt. */
    private static CallRecord record(CallLedger tracker, int batch, int posts, TokenUsage usage) {
        return tracker.record(batch, false, posts, endOfTurn(usage, 731.585, 702L, new Attempts(1, 0, 0, 0)));
    }

    /** A call that ended its turn normally. */
    private static CallReceipt endOfTurn(TokenUsage usage, double durationMillis, Long latencyMillis,
                                         Attempts attempts) {
        return new CallReceipt(usage, "end_turn", durationMillis, latencyMillis, attempts);
    }

    @Test
    void logsOneLineForEveryRecordedCall() {
        CallLedger tracker = novaMicroTracker();

        record(tracker, 1, 25, EXAMPLE_USAGE);
        record(tracker, 2, 25, EXAMPLE_USAGE);

        assertThat(out.documents()).hasSize(2);
    }

    @Test
    void logsTheCallLineAsMessageWithTheSameFiguresAsFields() {
        CallLedger tracker = novaMicroTracker();

        CallRecord call = tracker.record(2, true, 7, new CallReceipt(new TokenUsage(1234, 567, 300, 40),
                "max_tokens", 731.585, 702L, new Attempts(3, 2, 0, 0)));

        JsonNode line = out.documents().get(0);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo(UsageLines.call(call, false));
        assertThat(line.get("event").asText()).isEqualTo("bedrock_call");
        assertThat(line.get("modelId").asText()).isEqualTo(NOVA_MICRO);
        assertThat(line.get("batch").asInt()).isEqualTo(2);
        assertThat(line.get("followUp").asBoolean()).isTrue();
        assertThat(line.get("inputTokens").asLong()).isEqualTo(1234);
        assertThat(line.get("outputTokens").asLong()).isEqualTo(567);
        assertThat(line.get("cacheReadInputTokens").asLong()).isEqualTo(300);
        assertThat(line.get("cacheWriteInputTokens").asLong()).isEqualTo(40);
        assertThat(line.get("totalTokens").asLong()).isEqualTo(2141);
        assertThat(line.get("posts").asInt()).isEqualTo(7);
        assertThat(line.get("tokensPerPost").decimalValue()).isEqualByComparingTo("305.86"); // 2141 / 7
        assertThat(line.get("durationMs").decimalValue()).isEqualByComparingTo("731.585");
        assertThat(line.get("latencyMs").asLong()).isEqualTo(702);
        assertThat(line.get("stopReason").asText()).isEqualTo("max_tokens");
        assertThat(line.get("attempts").asInt()).isEqualTo(3);
        assertThat(line.get("throttles").asInt()).isEqualTo(2);
        assertThat(line.get("estimated").asBoolean()).isFalse();
        // 43.19 + 79.38 + 300 × 0.00875 + 40 × 0.035 = 126.595 micro-dollars
        assertThat(line.get("costUsd").isNumber()).isTrue();
        assertThat(line.get("costUsd").decimalValue()).isEqualByComparingTo("0.000126595")
                .isEqualByComparingTo(call.costUsd());
    }

    @Test
    void logsTheCostAsAPlainDecimalNumber() {
        record(novaMicroTracker(), 1, 25, EXAMPLE_USAGE);

        // Not 1.2257E-4 and not a string: Logs Insights reads the field as a number.
        assertThat(out.text().get(0)).contains("\"costUsd\":0.00012257");
    }

    @Test
    void marksEstimatedCountsInMessageAndField() {
        CallLedger tracker = new CallLedger(NOVA_MICRO, CallPricing.defaultTierOnly(Optional.of(novaMicro())), true, log);

        CallRecord call = record(tracker, 1, 25, EXAMPLE_USAGE);

        JsonNode line = out.documents().get(0);
        assertThat(line.get("message").asText()).isEqualTo(UsageLines.call(call, true)).contains("(estimated)");
        assertThat(line.get("estimated").asBoolean()).isTrue();
        assertThat(tracker.estimated()).isTrue();
    }

    @Test
    void totalsSumEveryCallExactly() {
        CallLedger tracker = novaMicroTracker();
        List<TokenUsage> usages = List.of(
                new TokenUsage(1234, 567, 0, 0),
                new TokenUsage(987, 431, 2000, 0),
                new TokenUsage(1500, 612, 0, 120));
        BigDecimal expectedCost = BigDecimal.ZERO;
        for (int i = 0; i < usages.size(); i++) {
            tracker.record(i + 1, false, 20 + i, endOfTurn(usages.get(i), 500, null, new Attempts(2, 1, 0, 0)));
            expectedCost = expectedCost.add(novaMicro().cost(usages.get(i)).orElseThrow());
        }

        CallTotals totals = tracker.totals();

        assertThat(totals.usage()).isEqualTo(new TokenUsage(3721, 1610, 2000, 120));
        assertThat(totals.usage().totalTokens()).isEqualTo(7451);
        assertThat(totals.apiCalls()).isEqualTo(3);
        assertThat(totals.postsAnalyzed()).isEqualTo(20 + 21 + 22);
        assertThat(totals.attempts()).isEqualTo(6);
        assertThat(totals.throttles()).isEqualTo(3);
        assertThat(totals.unpricedCalls()).isZero();
        // 122.57 + (34.545 + 60.34 + 17.5) + (52.5 + 85.68 + 4.2) micro-dollars
        assertThat(totals.costUsd()).isEqualByComparingTo(expectedCost).isEqualByComparingTo("0.000377335");
    }

    @Test
    void totalsOfNoCallsAreZero() {
        CallTotals totals = novaMicroTracker().totals();

        assertThat(totals.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(totals.apiCalls()).isZero();
        assertThat(totals.postsAnalyzed()).isZero();
        assertThat(totals.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(out.text()).isEmpty();
    }

    @Test
    void followUpCallsCountTheirTokensButNotTheirPostsAgain() {
        CallLedger tracker = novaMicroTracker();

        record(tracker, 1, 25, EXAMPLE_USAGE);
        tracker.record(1, true, 4, endOfTurn(new TokenUsage(300, 50, 0, 0), 200, null, new Attempts(1, 0, 0, 0)));

        CallTotals totals = tracker.totals();
        assertThat(totals.apiCalls()).isEqualTo(2);
        assertThat(totals.postsAnalyzed()).isEqualTo(25);
        assertThat(totals.usage()).isEqualTo(new TokenUsage(1534, 617, 0, 0));
        // 122.57 + 300 × 0.035 + 50 × 0.14 = 122.57 + 10.5 + 7 micro-dollars
        assertThat(totals.costUsd()).isEqualByComparingTo("0.00014007");
    }

    @Test
    void aModelWithoutPriceLeavesEveryCostUnknown() {
        CallLedger tracker = tracker(Optional.empty());

        CallRecord first = record(tracker, 1, 25, EXAMPLE_USAGE);
        record(tracker, 2, 25, EXAMPLE_USAGE);

        assertThat(first.costUsd()).isNull();
        assertThat(first.priced()).isFalse();
        CallTotals totals = tracker.totals();
        assertThat(totals.costUsd()).isNull();
        assertThat(totals.unpricedCalls()).isEqualTo(2);
        assertThat(totals.apiCalls()).isEqualTo(2);
        assertThat(out.documents()).allSatisfy(line -> {
            assertThat(line.get("costUsd").isNull()).isTrue();
            assertThat(line.get("message").asText()).endsWith("Estimated cost: unpriced");
        });
    }

    @Test
    void oneUnpricedCallMakesTheTotalCostUnknown() {
        CallLedger tracker = tracker(Optional.of(Prices.bundled(CLAUDE_3_HAIKU)));

        record(tracker, 1, 25, EXAMPLE_USAGE);
        record(tracker, 2, 25, new TokenUsage(1234, 567, 100, 0)); // no cache price for this model

        CallTotals totals = tracker.totals();
        assertThat(totals.unpricedCalls()).isEqualTo(1);
        assertThat(totals.costUsd()).isNull();
        assertThat(tracker.calls()).extracting(CallRecord::priced).containsExactly(true, false);
    }

    @Test
    void callsWithoutUsageAndFailedCallsCountAttemptsButAreNoApiCalls() {
        CallLedger tracker = novaMicroTracker();

        tracker.record(1, false, 25, endOfTurn(EXAMPLE_USAGE, 731.585, 702L, new Attempts(2, 1, 0, 0)));
        tracker.recordWithoutUsage(2, new Attempts(1, 0, 0, 0));
        tracker.recordWithoutUsage(3, new Attempts(3, 2, 0, 0));
        tracker.recordFailure(new Attempts(4, 4, 0, 0));

        CallTotals totals = tracker.totals();
        assertThat(totals.apiCalls()).isEqualTo(1);
        assertThat(totals.callsWithoutUsage()).isEqualTo(2);
        assertThat(totals.failedCalls()).isEqualTo(1);
        assertThat(totals.attempts()).isEqualTo(2 + 1 + 3 + 4);
        assertThat(totals.throttles()).isEqualTo(1 + 0 + 2 + 4);
        assertThat(totals.usage()).isEqualTo(EXAMPLE_USAGE);
        assertThat(totals.postsAnalyzed()).isEqualTo(25);
        assertThat(totals.costUsd()).isEqualByComparingTo("0.00012257");
        assertThat(tracker.calls()).hasSize(1);
    }

    @Test
    void aCallWithoutUsageIsNoCallWithUsage() {
        CallLedger tracker = novaMicroTracker();

        assertThatThrownBy(() -> tracker.record(1, false, 25, endOfTurn(null, 1, null, Attempts.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordWithoutUsage");
        assertThat(out.documents()).isEmpty();
        assertThat(tracker.totals().apiCalls()).isZero();
    }

    @Test
    void warnsAboutACallWithoutUsage() {
        novaMicroTracker().recordWithoutUsage(3, new Attempts(1, 0, 0, 0));

        assertThat(out.documents()).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("event").asText()).isEqualTo("bedrock_call_without_usage");
            assertThat(line.get("batch").asInt()).isEqualTo(3);
            assertThat(line.get("modelId").asText()).isEqualTo(NOVA_MICRO);
        });
    }

    @Test
    void listsCallsInBatchOrderWithTheFollowUpAfterTheFirstCall() {
        CallLedger tracker = novaMicroTracker();

        CallReceipt quick = endOfTurn(EXAMPLE_USAGE, 1, null, new Attempts(1, 0, 0, 0));
        tracker.record(3, true, 2, quick);
        tracker.record(1, true, 5, quick);
        tracker.record(2, false, 25, quick);
        tracker.record(3, false, 25, quick);
        tracker.record(1, false, 25, quick);

        assertThat(tracker.calls())
                .extracting(CallRecord::batch, CallRecord::followUp)
                .containsExactly(tuple(1, false), tuple(1, true), tuple(2, false), tuple(3, false), tuple(3, true));
    }

    @Test
    void losesNothingWhenCallsAreRecordedFromManyThreads() throws Exception {
        // A PrintStream locks on every line, which would line the threads up; this one collects without a lock.
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        PrintStream collecting = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void println(String line) {
                lines.add(line);
            }
        };
        CallLedger tracker = new CallLedger(NOVA_MICRO, CallPricing.defaultTierOnly(Optional.of(novaMicro())), false,
                new EventLog(collecting, EventLog.Format.JSON));
        int threads = 8;
        int callsPerThread = 1000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsPerThread; i++) {
                        int batch = thread * callsPerThread + i + 1;
                        tracker.record(batch, false, 25,
                                endOfTurn(EXAMPLE_USAGE, 731.585, 702L, new Attempts(1, 0, 0, 0)));
                        tracker.record(batch, true, 2,
                                endOfTurn(new TokenUsage(100, 10, 0, 0), 100, 90L, new Attempts(2, 1, 0, 0)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int batches = threads * callsPerThread;
        CallTotals totals = tracker.totals();
        assertThat(totals.apiCalls()).isEqualTo(2 * batches);
        assertThat(totals.postsAnalyzed()).isEqualTo(25 * batches);
        assertThat(totals.usage()).isEqualTo(new TokenUsage(1334L * batches, 577L * batches, 0, 0));
        assertThat(totals.attempts()).isEqualTo(3 * batches);
        assertThat(totals.throttles()).isEqualTo(batches);
        // Each batch: 122.57 + 3.5 + 1.4 = 127.47 micro-dollars.
        assertThat(totals.costUsd()).isEqualByComparingTo(new BigDecimal("0.00012747").multiply(BigDecimal.valueOf(batches)));
        assertThat(tracker.calls()).hasSize(2 * batches)
                .extracting(CallRecord::batch).isSorted();
        assertThat(lines).hasSize(2 * batches).allSatisfy(JsonLines::parse);
    }
}
