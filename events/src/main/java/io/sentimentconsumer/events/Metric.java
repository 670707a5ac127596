package io.sentimentconsumer.events;

import java.util.List;

/**
 * Every metric the consumer publishes, in its namespace with exactly one dimension set, {@link #DIMENSIONS}. The
 * consumer publishes these names and the stack's dashboard and alarms read them.
 */
public enum Metric {
    // Per model call.
    INPUT_TOKENS("InputTokens", Unit.COUNT),
    OUTPUT_TOKENS("OutputTokens", Unit.COUNT),
    TOTAL_TOKENS("TotalTokens", Unit.COUNT),
    TOKENS_PER_POST("TokensPerPost", Unit.COUNT),
    CACHE_READ_INPUT_TOKENS("CacheReadInputTokens", Unit.COUNT),
    CACHE_WRITE_INPUT_TOKENS("CacheWriteInputTokens", Unit.COUNT),
    BEDROCK_API_LATENCY("BedrockAPILatency", Unit.MILLISECONDS),
    /** US dollars; only for calls the price table prices. */
    BEDROCK_COST("BedrockCost", Unit.NONE),

    // Per delivery.
    POSITIVE_POSTS("PositivePosts", Unit.COUNT),
    NEGATIVE_POSTS("NegativePosts", Unit.COUNT),
    NEUTRAL_POSTS("NeutralPosts", Unit.COUNT),
    UNSCORED_POSTS("UnscoredPosts", Unit.COUNT),
    INVALID_RECORDS("InvalidRecords", Unit.COUNT),
    HANDED_BACK_RECORDS("HandedBackRecords", Unit.COUNT),
    BEDROCK_THROTTLES("BedrockThrottles", Unit.COUNT),
    /** Attempts sent without an answer: Bedrock may have billed them. */
    ABANDONED_ATTEMPTS("AbandonedAttempts", Unit.COUNT),
    /** Records a redelivery found finished in a warm environment: not sent to the model again. */
    REUSED_OUTCOMES("ReusedOutcomes", Unit.COUNT),
    UNPRICED_CALLS("UnpricedCalls", Unit.COUNT),

    // The KCL worker.
    /** One per failed attempt of a blocked shard, so an alarm on its Sum sees a stuck consumer. */
    BLOCKED_SHARD_RETRIES("BlockedShardRetries", Unit.COUNT);

    /** CloudWatch units, as the consumer's publishers name them. */
    public enum Unit { COUNT, MILLISECONDS, NONE }

    /** The one dimension set every metric is published with, in this order. */
    public static final List<String> DIMENSIONS = List.of("Environment", "ModelId");

    /** The default namespace ({@code METRICS_NAMESPACE}). */
    public static final String DEFAULT_NAMESPACE = "SentimentAnalysis/Bedrock";

    private final String id;
    private final Unit unit;

    Metric(String id, Unit unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The metric's name in CloudWatch. */
    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    @Override
    public String toString() {
        return id;
    }
}
