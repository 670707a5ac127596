package io.sentimentconsumer.events;

import java.util.List;

/**
 * Every field a log event carries besides {@code level}, {@code message} and {@code event}, by its JSON name. The
 * consumer writes these names, {@link LogEvent} declares which event carries which, and the saved queries read them.
 */
public enum Field {
    // What a model call used and cost.
    MODEL_ID("modelId"),
    ESTIMATED("estimated"),
    BATCH("batch"),
    FOLLOW_UP("followUp"),
    POSTS("posts"),
    INPUT_TOKENS("inputTokens"),
    OUTPUT_TOKENS("outputTokens"),
    CACHE_READ_INPUT_TOKENS("cacheReadInputTokens"),
    CACHE_WRITE_INPUT_TOKENS("cacheWriteInputTokens"),
    TOTAL_TOKENS("totalTokens"),
    TOKENS_PER_POST("tokensPerPost"),
    DURATION_MS("durationMs"),
    LATENCY_MS("latencyMs"),
    COST_USD("costUsd"),
    STOP_REASON("stopReason"),
    ATTEMPTS("attempts"),
    THROTTLES("throttles"),

    // What a summary adds up.
    RECORDS_IN("recordsIn"),
    SCORED("scored"),
    POSITIVE("positive"),
    NEGATIVE("negative"),
    NEUTRAL("neutral"),
    UNSCORED("unscored"),
    INVALID("invalid"),
    HANDED_BACK("handedBack"),
    TRUNCATED("truncated"),
    DUPLICATES("duplicates"),
    REUSED("reused"),
    API_CALLS("apiCalls"),
    POSTS_ANALYZED("postsAnalyzed"),
    AVG_TOKENS_PER_POST("avgTokensPerPost"),
    UNPRICED_CALLS("unpricedCalls"),
    CALLS_WITHOUT_USAGE("callsWithoutUsage"),
    FAILED_CALLS("failedCalls"),
    ABANDONED_ATTEMPTS("abandonedAttempts"),
    KINESIS_RECORDS("kinesisRecords"),
    SLOT_WAIT_MS("slotWaitMs"),
    RETRY_WAIT_MS("retryWaitMs"),
    CONCURRENCY_LIMIT("concurrencyLimit"),
    DEADLINE_REACHED("deadlineReached"),
    INVALID_BY_REASON("invalidByReason"),
    METRICS_FAILURES("metricsFailures"),
    /** Deliveries whose results could not be written to S3: their records were handed back. */
    RESULTS_WRITE_FAILURES("resultsWriteFailures"),
    UPTIME_MS("uptimeMs"),

    // Records, batches and what went wrong with them.
    SEQUENCE_NUMBER("sequenceNumber"),
    SUB_SEQUENCE_NUMBER("subSequenceNumber"),
    FIRST_SEQUENCE_NUMBER("firstSequenceNumber"),
    RECORDS("records"),
    REASON("reason"),
    BY_REASON("byReason"),
    POSTS_WITHOUT_SCORE("postsWithoutScore"),
    PROBLEMS("problems"),
    STOPPED_BATCH("stoppedBatch"),
    ERROR("error"),
    MEASUREMENTS("measurements"),

    // The KCL worker and its shards.
    WORKER_ID("workerId"),
    STREAM("stream"),
    APPLICATION("application"),
    SHARD_ID("shardId"),
    CHECKPOINT("checkpoint"),
    PREVIOUS_OWNER_BLOCKED_AT("previousOwnerBlockedAt"),
    RETRY("retry"),
    RETRIES("retries"),
    DELAY_MS("delayMs"),

    // redrive.
    MESSAGE_ID("messageId"),
    START_SEQUENCE_NUMBER("startSequenceNumber"),
    END_SEQUENCE_NUMBER("endSequenceNumber"),
    BATCH_SIZE("batchSize"),
    LOST("lost"),
    PRICE_TABLE("priceTable"),
    NEWEST_AS_OF("newestAsOf"),
    /** The service tier a call was accounted to: the one its response reported. */
    SERVED_TIER("servedTier"),
    /** A summary's calls by the service tier that served them. */
    BY_TIER("byTier"),

    // The results datasets.
    BUCKET("bucket"),
    /** An object's key in its bucket. */
    KEY("key");

    /**
     * The figures every summary carries, in their order: the model, the records' outcomes, then the calls' tokens,
     * cost and attempts.
     */
    public static final List<Field> SUMMARY_FIGURES = List.of(MODEL_ID, ESTIMATED, RECORDS_IN, SCORED, POSITIVE,
            NEGATIVE, NEUTRAL, UNSCORED, INVALID, HANDED_BACK, TRUNCATED, DUPLICATES, REUSED, INPUT_TOKENS,
            OUTPUT_TOKENS, CACHE_READ_INPUT_TOKENS, CACHE_WRITE_INPUT_TOKENS, TOTAL_TOKENS, API_CALLS, POSTS_ANALYZED,
            AVG_TOKENS_PER_POST, COST_USD, UNPRICED_CALLS, CALLS_WITHOUT_USAGE, FAILED_CALLS, ATTEMPTS, THROTTLES,
            ABANDONED_ATTEMPTS, BY_TIER);

    private final String id;

    Field(String id) {
        this.id = id;
    }

    /** The field's name in a JSON log line. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
