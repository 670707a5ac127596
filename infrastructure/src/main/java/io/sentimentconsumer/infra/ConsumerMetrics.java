package io.sentimentconsumer.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics the consumer publishes (README, "Metrics"), in its namespace with exactly its one dimension set,
 * {@code Environment} + {@code ModelId}. A metric with any other dimension set would be a different metric and
 * would show no data.
 */
public final class ConsumerMetrics {

    /** Per Converse call. */
    public static final String INPUT_TOKENS = "InputTokens";
    public static final String OUTPUT_TOKENS = "OutputTokens";
    public static final String TOTAL_TOKENS = "TotalTokens";
    public static final String TOKENS_PER_POST = "TokensPerPost";
    public static final String CACHE_READ_INPUT_TOKENS = "CacheReadInputTokens";
    public static final String CACHE_WRITE_INPUT_TOKENS = "CacheWriteInputTokens";
    public static final String LATENCY = "BedrockAPILatency";
    public static final String COST = "BedrockCost";

    /** Per invocation. */
    public static final String POSITIVE = "PositivePosts";
    public static final String NEGATIVE = "NegativePosts";
    public static final String NEUTRAL = "NeutralPosts";
    public static final String UNSCORED = "UnscoredPosts";
    public static final String INVALID = "InvalidRecords";
    public static final String HANDED_BACK = "HandedBackRecords";
    public static final String UNPRICED_CALLS = "UnpricedCalls";
    /** Records a redelivery found finished in a warm environment: not sent to the model again. */
    public static final String REUSED_OUTCOMES = "ReusedOutcomes";
    /** Attempts sent without an answer: Bedrock may have billed them, and their usage never reaches us. */
    public static final String ABANDONED_ATTEMPTS = "AbandonedAttempts";
    /** Attempts Bedrock answered with a throttling error, whether the SDK's retries then got through or not. */
    public static final String THROTTLES = "BedrockThrottles";

    public static final List<String> DIMENSIONS = List.of("Environment", "ModelId");

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
