package io.sentimentconsumer.publish;

import static java.util.stream.Collectors.toCollection;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.account.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Invocations to publish: their measurements, built the way the pipeline builds them, and what they add up to. */
final class Invocations {

    static final MetricDimensions DIMENSIONS =
            new MetricDimensions("SentimentConsumer/Test", "staging", "us.amazon.nova-micro-v1:0");

    private static final ModelPrice NOVA_MICRO = PriceTable.bundled()
            .lookup(PriceKey.of("amazon.nova-micro-v1:0", "us-east-1", ServiceTier.DEFAULT)).found().orElseThrow();

    /** 30 records: 25 scored, 2 unscored, 1 invalid, 2 handed back. */
    static final RecordCounts COUNTS = RecordCounts.builder().positive(12).negative(9).neutral(4).unscored(2)
            .invalid(1).handedBack(2).build();

    private Invocations() {}

    /**
     * {@code calls} priced calls of 25 posts, Nova Micro prices; call i (from 0) has {@code 1234 + i * step} input
     * tokens, so {@code step} 0 gives identical calls and any other step distinct values.
     */
    static List<Measurement> calls(int calls, int step) {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            TokenUsage usage = new TokenUsage(1234 + (long) i * step, 567, i % 2 == 0 ? 0 : 800, 0);
            BigDecimal cost = NOVA_MICRO.cost(usage).orElseThrow();
            records.add(new CallRecord(i + 1, false, 25, usage, cost, 700 + i * step * 0.25, 650L, "end_turn", Attempts.ONE));
        }
        CallTotals totals = CallTotals.builder().apiCalls(calls).postsAnalyzed(25 * calls)
                .attempts(new Attempts(calls, 0, 0, 0)).build();
        return InvocationMetrics.of(records, totals, COUNTS);
    }

    /** Per metric name, all its values in ascending order: what a publisher must deliver, however it splits them. */
    static Map<String, List<Double>> values(List<Measurement> measurements) {
        ValuesByMetric values = new ValuesByMetric();
        measurements.forEach(m -> values.add(m.name(), m.value()));
        return values.sorted();
    }

    /** Collects values by metric name, to compare what was published with what was measured. */
    static final class ValuesByMetric {

        private final Map<String, List<Double>> values = new TreeMap<>();

        void add(String metricName, double value) {
            values.computeIfAbsent(metricName, k -> new ArrayList<>()).add(value);
        }

        /** Per metric name, its values in ascending order. */
        Map<String, List<Double>> sorted() {
            values.values().forEach(list -> list.sort(null));
            return values;
        }
    }

    /** Each metric as {@code "<name> <CloudWatch unit>"}, the way the publisher tests write what they read back. */
    static Set<String> units(List<Measurement> measurements) {
        return measurements.stream().map(m -> m.name() + " " + m.unit().cloudWatchName())
                .collect(toCollection(TreeSet::new));
    }
}
