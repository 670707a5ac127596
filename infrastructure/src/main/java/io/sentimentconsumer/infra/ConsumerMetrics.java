package io.sentimentconsumer.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics the consumer publishes (named once, in the events module's {@code Metric}), in its namespace with
 * exactly its one dimension set,
 * {@code Environment} + {@code ModelId}. A metric with any other dimension set would be a different metric and
 * would show no data.
 */
public final class ConsumerMetrics {

    /** Per Converse call. */
    public static final String INPUT_TOKENS = io.sentimentconsumer.events.Metric.INPUT_TOKENS.id();
    public static final String OUTPUT_TOKENS = io.sentimentconsumer.events.Metric.OUTPUT_TOKENS.id();
    public static final String TOTAL_TOKENS = io.sentimentconsumer.events.Metric.TOTAL_TOKENS.id();
    public static final String TOKENS_PER_POST = io.sentimentconsumer.events.Metric.TOKENS_PER_POST.id();
    public static final String CACHE_READ_INPUT_TOKENS = io.sentimentconsumer.events.Metric.CACHE_READ_INPUT_TOKENS.id();
    public static final String CACHE_WRITE_INPUT_TOKENS = io.sentimentconsumer.events.Metric.CACHE_WRITE_INPUT_TOKENS.id();
    public static final String LATENCY = io.sentimentconsumer.events.Metric.BEDROCK_API_LATENCY.id();
    public static final String COST = io.sentimentconsumer.events.Metric.BEDROCK_COST.id();

    /** Per invocation. */
    public static final String POSITIVE = io.sentimentconsumer.events.Metric.POSITIVE_POSTS.id();
    public static final String NEGATIVE = io.sentimentconsumer.events.Metric.NEGATIVE_POSTS.id();
    public static final String NEUTRAL = io.sentimentconsumer.events.Metric.NEUTRAL_POSTS.id();
    public static final String UNSCORED = io.sentimentconsumer.events.Metric.UNSCORED_POSTS.id();
    public static final String INVALID = io.sentimentconsumer.events.Metric.INVALID_RECORDS.id();
    public static final String HANDED_BACK = io.sentimentconsumer.events.Metric.HANDED_BACK_RECORDS.id();
    public static final String UNPRICED_CALLS = io.sentimentconsumer.events.Metric.UNPRICED_CALLS.id();
    /** Records a redelivery found finished in a warm environment: not sent to the model again. */
    public static final String REUSED_OUTCOMES = io.sentimentconsumer.events.Metric.REUSED_OUTCOMES.id();
    /** Attempts sent without an answer: Bedrock may have billed them, and their usage never reaches us. */
    public static final String ABANDONED_ATTEMPTS = io.sentimentconsumer.events.Metric.ABANDONED_ATTEMPTS.id();
    /** Deliveries whose results rows could not be written to S3: their records were handed back. */
    public static final String RESULTS_WRITE_FAILURES =
            io.sentimentconsumer.events.Metric.RESULTS_WRITE_FAILURES.id();
    /** Attempts Bedrock answered with a throttling error, whether the SDK's retries then got through or not. */
    public static final String THROTTLES = io.sentimentconsumer.events.Metric.BEDROCK_THROTTLES.id();

    public static final List<String> DIMENSIONS = io.sentimentconsumer.events.Metric.DIMENSIONS;

    private final String namespace;
    private final Map<String, String> dimensions;

    public ConsumerMetrics(String namespace, String environment, String modelId) {
        this.namespace = namespace;
        this.dimensions = Map.of(DIMENSIONS.get(0), environment, DIMENSIONS.get(1), modelId);
    }

    public Metric sum(String name, Duration period) {
        return metric(name, "Sum", period);
    }

    public Metric metric(String name, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(period)
                .build();
    }

    /** An amount in US dollars, {@value #COST}'s unit, as alarm texts and the dashboard show it. */
    public static String usd(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
