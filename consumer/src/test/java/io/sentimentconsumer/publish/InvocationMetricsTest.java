package io.sentimentconsumer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationMetricsTest {

    private static final RecordCounts COUNTS = Invocations.COUNTS;
    private static final RecordCounts NO_RECORDS = RecordCounts.builder().build();
    private static final List<String> PER_INVOCATION = List.of(
            "PositivePosts", "NegativePosts", "NeutralPosts", "UnscoredPosts", "InvalidRecords", "HandedBackRecords",
            "BedrockThrottles");

    private static CallRecord call(TokenUsage usage, int posts, double durationMillis, String cost) {
        return new CallRecord(1, false, posts, usage, cost == null ? null : new BigDecimal(cost), durationMillis,
                650L, "end_turn", Attempts.ONE);
    }

    private static CallTotals totals(int unpricedCalls) {
        return CallTotals.builder().costUsd(unpricedCalls == 0 ? BigDecimal.ZERO : null).unpricedCalls(unpricedCalls)
                .build();
    }

    private static List<String> names(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::name).toList();
    }

    @Test
    void measuresEveryPricedCall() {
        CallRecord call = call(new TokenUsage(1234, 567, 0, 0), 25, 731.585, "0.00012257");

        List<Measurement> measurements = InvocationMetrics.of(List.of(call), totals(0), COUNTS);

        assertThat(measurements.subList(0, 6))
                .extracting(Measurement::name, Measurement::unit, Measurement::value)
                .containsExactly(
                        tuple("InputTokens", MetricUnit.COUNT, 1234.0),
                        tuple("OutputTokens", MetricUnit.COUNT, 567.0),
                        tuple("TotalTokens", MetricUnit.COUNT, 1801.0),
                        tuple("TokensPerPost", MetricUnit.COUNT, 72.04),
                        tuple("BedrockAPILatency", MetricUnit.MILLISECONDS, 731.585),
                        tuple("BedrockCost", MetricUnit.NONE, 0.00012257));
        assertThat(names(measurements).subList(6, measurements.size())).isEqualTo(PER_INVOCATION);
    }

    @Test
    void measuresEachCallSeparately() {
        List<CallRecord> calls = List.of(
                call(new TokenUsage(1234, 567, 0, 0), 25, 731.585, "0.00012257"),
                call(new TokenUsage(300, 50, 0, 0), 4, 210, "0.0000175"));

        List<Measurement> measurements = InvocationMetrics.of(calls, totals(0), COUNTS);

        assertThat(measurements).filteredOn(m -> m.name().equals("InputTokens"))
                .extracting(Measurement::value).containsExactly(1234.0, 300.0);
        assertThat(measurements).filteredOn(m -> m.name().equals("TokensPerPost"))
                .extracting(Measurement::value).containsExactly(72.04, 87.5);
        assertThat(measurements).filteredOn(m -> m.name().equals("BedrockCost"))
                .extracting(Measurement::value).containsExactly(0.00012257, 0.0000175);
    }

    @Test
    void measuresNoCostForAnUnpricedCallAndCountsUnpricedCalls() {
        CallRecord unpriced = call(new TokenUsage(1234, 567, 0, 0), 25, 731.585, null);

        List<Measurement> measurements = InvocationMetrics.of(List.of(unpriced), totals(1), COUNTS);

        assertThat(names(measurements)).doesNotContain("BedrockCost").contains("InputTokens", "BedrockAPILatency");
        assertThat(measurements).filteredOn(m -> m.name().equals("UnpricedCalls"))
                .extracting(Measurement::unit, Measurement::value).containsExactly(tuple(MetricUnit.COUNT, 1.0));
    }

    @Test
    void measuresNoUnpricedCallsWhenEveryCallIsPriced() {
        List<Measurement> measurements = InvocationMetrics.of(
                List.of(call(new TokenUsage(1234, 567, 0, 0), 25, 731.585, "0.00012257")), totals(0), COUNTS);

        assertThat(names(measurements)).doesNotContain("UnpricedCalls");
    }

    @Test
    void measuresCacheTokensOnlyOfTheKindsTheCallHad() {
        CallRecord reads = call(new TokenUsage(100, 20, 4000, 0), 5, 100, "0.0000415");
        CallRecord writes = call(new TokenUsage(100, 20, 0, 900), 5, 100, "0.0000378");
        CallRecord none = call(new TokenUsage(100, 20, 0, 0), 5, 100, "0.0000063");

        assertThat(InvocationMetrics.of(List.of(reads), totals(0), COUNTS))
                .filteredOn(m -> m.name().startsWith("Cache"))
                .extracting(Measurement::name, Measurement::unit, Measurement::value)
                .containsExactly(tuple("CacheReadInputTokens", MetricUnit.COUNT, 4000.0));
        assertThat(InvocationMetrics.of(List.of(writes), totals(0), COUNTS))
                .filteredOn(m -> m.name().startsWith("Cache"))
                .extracting(Measurement::name, Measurement::unit, Measurement::value)
                .containsExactly(tuple("CacheWriteInputTokens", MetricUnit.COUNT, 900.0));
        assertThat(names(InvocationMetrics.of(List.of(none), totals(0), COUNTS)))
                .noneMatch(name -> name.startsWith("Cache"));
    }

    @Test
    void countsCacheTokensInTotalTokens() {
        CallRecord cached = call(new TokenUsage(100, 20, 4000, 900), 5, 100, "0.0000793");

        assertThat(InvocationMetrics.of(List.of(cached), totals(0), COUNTS))
                .filteredOn(m -> m.name().equals("TotalTokens") || m.name().equals("TokensPerPost"))
                .extracting(Measurement::value).containsExactly(5020.0, 1004.0);
    }

    @Test
    void measuresZeroTokensPerPostForACallWithoutPosts() {
        CallRecord noPosts = call(new TokenUsage(40, 0, 0, 0), 0, 10, "0.0000014");

        assertThat(InvocationMetrics.of(List.of(noPosts), totals(0), COUNTS))
                .filteredOn(m -> m.name().equals("TokensPerPost"))
                .extracting(Measurement::value).containsExactly(0.0);
    }

    @Test
    void measuresWhereTheRecordsEnded() {
        List<Measurement> measurements = InvocationMetrics.of(List.of(), totals(0), COUNTS);

        assertThat(measurements)
                .extracting(Measurement::name, Measurement::unit, Measurement::value)
                .containsExactly(
                        tuple("PositivePosts", MetricUnit.COUNT, 12.0),
                        tuple("NegativePosts", MetricUnit.COUNT, 9.0),
                        tuple("NeutralPosts", MetricUnit.COUNT, 4.0),
                        tuple("UnscoredPosts", MetricUnit.COUNT, 2.0),
                        tuple("InvalidRecords", MetricUnit.COUNT, 1.0),
                        tuple("HandedBackRecords", MetricUnit.COUNT, 2.0),
                        tuple("BedrockThrottles", MetricUnit.COUNT, 0.0));
    }

    @Test
    void measuresTheInvocationsThrottledAttempts() {
        CallTotals throttled = CallTotals.builder().failedCalls(1).attempts(new Attempts(5, 3, 0, 0)).build();

        assertThat(InvocationMetrics.of(List.of(), throttled, COUNTS))
                .filteredOn(m -> m.name().equals("BedrockThrottles"))
                .extracting(Measurement::unit, Measurement::value)
                .containsExactly(tuple(MetricUnit.COUNT, 3.0));
    }

    @Test
    void countsAFailedResultsWriteOnlyWhenThereWasOne() {
        assertThat(names(InvocationMetrics.of(List.of(), totals(0), COUNTS, 0))).doesNotContain("ResultsWriteFailures");
        assertThat(InvocationMetrics.of(List.of(), totals(0), COUNTS, 1))
                .filteredOn(m -> m.name().equals("ResultsWriteFailures")).extracting(Measurement::value)
                .containsExactly(1.0);
    }

    @Test
    void measuresRecordCountsEvenWhenTheyAreZero() {
        List<Measurement> measurements = InvocationMetrics.of(List.of(), totals(0), NO_RECORDS);

        assertThat(names(measurements)).isEqualTo(PER_INVOCATION);
        assertThat(measurements).extracting(Measurement::value).containsOnly(0.0);
    }

    /**
     * A delivery where everything happened publishes every call and delivery metric the events module names, and
     * nothing else: the stack's dashboard and alarms are built from the same names.
     */
    @Test
    void publishesExactlyTheCallAndDeliveryMetricsTheEventsModuleNames() {
        CallRecord call = new CallRecord(1, false, 25, new TokenUsage(1000, 200, 30, 40), new BigDecimal("0.0001"),
                700, 650L, "end_turn", new Attempts(3, 1, 1, 120));
        CallRecord unpriced = new CallRecord(2, false, 25, new TokenUsage(1000, 200, 0, 0), null, 700, 650L,
                "end_turn", Attempts.ONE);
        CallTotals totals = CallTotals.builder().apiCalls(2).postsAnalyzed(50).costUsd(null).unpricedCalls(1)
                .attempts(new Attempts(4, 1, 1, 0)).build();
        RecordCounts counts = RecordCounts.builder().positive(10).negative(10).neutral(10).unscored(5).invalid(5)
                .handedBack(5).reused(15).build();

        List<String> published = names(InvocationMetrics.of(List.of(call, unpriced), totals, counts, 1));

        assertThat(java.util.Set.copyOf(published)).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(io.sentimentconsumer.events.Metric.values())
                        .filter(m -> m.scope() != io.sentimentconsumer.events.Metric.Scope.WORKER)
                        .map(io.sentimentconsumer.events.Metric::id).toList());
    }
}
