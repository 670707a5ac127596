package io.sentimentconsumer.events;

import java.util.List;

/**
 * Every metric the consumer publishes, in its namespace with exactly one dimension set, {@link #DIMENSIONS}. The
 * consumer publishes these names and the stack's dashboard and alarms read them.
 */
public enum Metric {
    INPUT_TOKENS("InputTokens", Unit.COUNT, Scope.CALL),
    OUTPUT_TOKENS("OutputTokens", Unit.COUNT, Scope.CALL),
    TOTAL_TOKENS("TotalTokens", Unit.COUNT, Scope.CALL),
    TOKENS_PER_POST("TokensPerPost", Unit.COUNT, Scope.CALL),
    /** Only when non-zero. */
    CACHE_READ_INPUT_TOKENS("CacheReadInputTokens", Unit.COUNT, Scope.CALL),
    /** Only when non-zero. */
    CACHE_WRITE_INPUT_TOKENS("CacheWriteInputTokens", Unit.COUNT, Scope.CALL),
    BEDROCK_API_LATENCY("BedrockAPILatency", Unit.MILLISECONDS, Scope.CALL),
    /** US dollars; only for calls the price table prices. */
    BEDROCK_COST("BedrockCost", Unit.NONE, Scope.CALL),

    POSITIVE_POSTS("PositivePosts", Unit.COUNT, Scope.DELIVERY),
    NEGATIVE_POSTS("NegativePosts", Unit.COUNT, Scope.DELIVERY),
    NEUTRAL_POSTS("NeutralPosts", Unit.COUNT, Scope.DELIVERY),
    UNSCORED_POSTS("UnscoredPosts", Unit.COUNT, Scope.DELIVERY),
    INVALID_RECORDS("InvalidRecords", Unit.COUNT, Scope.DELIVERY),
    HANDED_BACK_RECORDS("HandedBackRecords", Unit.COUNT, Scope.DELIVERY),
    BEDROCK_THROTTLES("BedrockThrottles", Unit.COUNT, Scope.DELIVERY),
    /** Attempts sent without an answer: Bedrock may have billed them. Only when non-zero. */
    ABANDONED_ATTEMPTS("AbandonedAttempts", Unit.COUNT, Scope.DELIVERY),
    /** Records a redelivery found finished in a warm environment: not sent to the model again. Only when non-zero. */
    REUSED_OUTCOMES("ReusedOutcomes", Unit.COUNT, Scope.DELIVERY),
    /** Only when non-zero. */
    UNPRICED_CALLS("UnpricedCalls", Unit.COUNT, Scope.DELIVERY),
    /** Writes of a delivery's results to S3 that failed, its records handed back. Only when non-zero. */
    RESULTS_WRITE_FAILURES("ResultsWriteFailures", Unit.COUNT, Scope.DELIVERY),

    /** One per failed attempt of a blocked shard, so an alarm on its Sum sees a stuck consumer. */
    BLOCKED_SHARD_RETRIES("BlockedShardRetries", Unit.COUNT, Scope.WORKER);

    /** CloudWatch units, as the consumer's publishers name them. */
    public enum Unit { COUNT, MILLISECONDS, NONE }

    /** What one value measures: a model call, a delivery (Lambda invocation, worker batch), or the worker itself. */
    public enum Scope { CALL, DELIVERY, WORKER }

    /** The one dimension set every metric is published with, in this order. */
    public static final List<String> DIMENSIONS = List.of("Environment", "ModelId");

    private final String id;
    private final Unit unit;
    private final Scope scope;

    Metric(String id, Unit unit, Scope scope) {
        this.id = id;
        this.unit = unit;
        this.scope = scope;
    }

    /** The metric's name in CloudWatch. */
    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public Scope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return id;
    }
}
