package io.sentimentconsumer.events;

import static io.sentimentconsumer.events.Field.*;
import static io.sentimentconsumer.events.Writer.LAMBDA;
import static io.sentimentconsumer.events.Writer.REDRIVE;
import static io.sentimentconsumer.events.Writer.WORKER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every log event the consumer writes, by the value of its {@code event} field, who writes it and the fields it
 * carries. The code writes these names, the saved queries and metric filters read them, and tests hold the runtimes
 * to the writers and fields declared here.
 */
public enum LogEvent {
    // Per model call.
    BEDROCK_CALL("bedrock_call", by(LAMBDA, WORKER, REDRIVE),
            List.of(MODEL_ID, BATCH, Field.FOLLOW_UP, INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_INPUT_TOKENS,
                    CACHE_WRITE_INPUT_TOKENS, TOTAL_TOKENS, POSTS, TOKENS_PER_POST, DURATION_MS, LATENCY_MS, COST_USD,
                    STOP_REASON, ATTEMPTS, THROTTLES, ESTIMATED, SERVED_TIER)),
    BEDROCK_CALL_WITHOUT_USAGE("bedrock_call_without_usage", by(LAMBDA, WORKER, REDRIVE),
            List.of(MODEL_ID, BATCH)),
    FOLLOW_UP("follow_up", by(LAMBDA, WORKER, REDRIVE),
            List.of(BATCH, POSTS, POSTS_WITHOUT_SCORE, PROBLEMS, STOP_REASON)),
    SPLIT("split", by(LAMBDA, WORKER, REDRIVE),
            List.of(BATCH, POSTS, POSTS_WITHOUT_SCORE, PROBLEMS, STOP_REASON, ERROR)),

    // Per delivery, from the pipeline.
    INVALID_RECORD("invalid_record", by(LAMBDA, WORKER, REDRIVE),
            List.of(SEQUENCE_NUMBER, SUB_SEQUENCE_NUMBER, REASON)),
    INVALID_RECORDS_MORE("invalid_records_more", by(LAMBDA, WORKER, REDRIVE),
            List.of(RECORDS, BY_REASON)),
    OUTCOMES_REUSED("outcomes_reused", by(LAMBDA, REDRIVE),
            List.of(RECORDS)),
    BATCH_HANDED_BACK("batch_handed_back", by(LAMBDA, WORKER, REDRIVE),
            List.of(BATCH, RECORDS, FIRST_SEQUENCE_NUMBER, ERROR)),
    BATCHES_NOT_SENT("batches_not_sent", by(LAMBDA, WORKER, REDRIVE),
            List.of(RECORDS, STOPPED_BATCH)),
    BATCH_ERROR("batch_error", by(LAMBDA, WORKER, REDRIVE),
            List.of(BATCH)),
    DEADLINE_REACHED("deadline_reached", by(LAMBDA),
            List.of(BATCH, RECORDS, FIRST_SEQUENCE_NUMBER, ERROR)),
    MODEL_CONFIGURATION_ERROR("model_configuration_error", by(LAMBDA, WORKER, REDRIVE),
            List.of(BATCH, RECORDS, FIRST_SEQUENCE_NUMBER, ERROR)),
    INVOCATION_FAILED("invocation_failed", by(LAMBDA, WORKER, REDRIVE),
            List.of(ERROR)),
    INVOCATION_INTERRUPTED("invocation_interrupted", by(LAMBDA, WORKER, REDRIVE),
            List.of()),
    UNPRICED_MODEL("unpriced_model", by(LAMBDA, WORKER, REDRIVE),
            List.of(MODEL_ID, REASON)),
    /** Once at start-up: the newest price in the price table is older than 90 days. */
    PRICE_TABLE_STALE("price_table_stale", by(LAMBDA, WORKER, REDRIVE),
            List.of(PRICE_TABLE, NEWEST_AS_OF)),
    METRICS_FAILED("metrics_failed", by(LAMBDA, WORKER, REDRIVE),
            List.of(ERROR, MEASUREMENTS)),
    /** A delivery's rows could not be written to the results bucket: its records go back, to be delivered again. */
    RESULTS_WRITE_FAILED("results_write_failed", by(LAMBDA, WORKER, REDRIVE),
            List.of(BUCKET, KEY, RECORDS, FIRST_SEQUENCE_NUMBER, ERROR)),
    /** The summary of one delivery: a Lambda invocation, a replay, a redriven range. */
    INVOCATION_SUMMARY("invocation_summary", by(LAMBDA, REDRIVE),
            summary(List.of(), KINESIS_RECORDS, SLOT_WAIT_MS, RETRY_WAIT_MS, CONCURRENCY_LIMIT, Field.DEADLINE_REACHED,
                    INVALID_BY_REASON, METRICS_FAILURES, RESULTS_WRITE_FAILURES, DURATION_MS)),

    // The KCL worker.
    WORKER_STARTED("worker_started", by(WORKER),
            List.of(WORKER_ID, STREAM, APPLICATION)),
    WORKER_STOPPING("worker_stopping", by(WORKER),
            List.of(WORKER_ID)),
    WORKER_FAILED("worker_failed", by(WORKER),
            List.of()),
    WORKER_SHUTDOWN_INCOMPLETE("worker_shutdown_incomplete", by(WORKER),
            List.of(ERROR)),
    /** The summary of one {@code processRecords} call of one shard. */
    WORKER_SUMMARY("worker_summary", by(WORKER),
            summary(List.of(SHARD_ID, KINESIS_RECORDS), RESULTS_WRITE_FAILURES, DURATION_MS)),
    /** The worker's totals since it started, every {@code SUMMARY_INTERVAL} and at shutdown. */
    WORKER_CUMULATIVE_SUMMARY("worker_cumulative_summary", by(WORKER),
            summary(List.of(), METRICS_FAILURES, RESULTS_WRITE_FAILURES, UPTIME_MS)),
    SHARD_STARTED("shard_started", by(WORKER),
            List.of(SHARD_ID, CHECKPOINT, PREVIOUS_OWNER_BLOCKED_AT)),
    SHARD_BLOCKED("shard_blocked", by(WORKER),
            List.of(SHARD_ID, FIRST_SEQUENCE_NUMBER, RECORDS, RETRY, DELAY_MS)),
    SHARD_UNBLOCKED("shard_unblocked", by(WORKER),
            List.of(SHARD_ID, RETRIES)),
    SHARD_STOPPED_SHORT("shard_stopped_short", by(WORKER),
            List.of(SHARD_ID, REASON, FIRST_SEQUENCE_NUMBER)),
    SHARD_ENDED("shard_ended", by(WORKER),
            List.of(SHARD_ID)),
    SHARD_END_NOT_CHECKPOINTED("shard_end_not_checkpointed", by(WORKER),
            List.of(SHARD_ID, REASON)),
    SHARD_SHUTDOWN("shard_shutdown", by(WORKER),
            List.of(SHARD_ID, CHECKPOINT)),
    LEASE_LOST("lease_lost", by(WORKER),
            List.of(SHARD_ID)),
    CHECKPOINT_FAILED("checkpoint_failed", by(WORKER),
            List.of(SHARD_ID, ERROR)),

    // redrive.
    REDRIVE_RANGE("redrive_range", by(REDRIVE),
            List.of(MESSAGE_ID, SHARD_ID, START_SEQUENCE_NUMBER, END_SEQUENCE_NUMBER, BATCH_SIZE, RECORDS)),
    REDRIVE_RANGE_LARGER_THAN_BATCH("redrive_range_larger_than_batch", by(REDRIVE),
            List.of()),
    REDRIVE_DONE("redrive_done", by(REDRIVE),
            List.of(MESSAGE_ID)),
    REDRIVE_KEPT("redrive_kept", by(REDRIVE),
            List.of(MESSAGE_ID)),
    REDRIVE_LOST("redrive_lost", by(REDRIVE),
            List.of(SHARD_ID, START_SEQUENCE_NUMBER, END_SEQUENCE_NUMBER, LOST)),
    REDRIVE_UNREADABLE("redrive_unreadable", by(REDRIVE),
            List.of(MESSAGE_ID, SHARD_ID, START_SEQUENCE_NUMBER, END_SEQUENCE_NUMBER, BATCH_SIZE)),
    REDRIVE_NOT_A_FAILURE_RECORD("redrive_not_a_failure_record", by(REDRIVE),
            List.of(MESSAGE_ID)),
    REDRIVE_RELEASE_FAILED("redrive_release_failed", by(REDRIVE),
            List.of(MESSAGE_ID)),
    REDRIVE_DELETE_FAILED("redrive_delete_failed", by(REDRIVE),
            List.of(MESSAGE_ID));

    private final String id;
    private final Set<Writer> writers;
    private final List<Field> fields;

    LogEvent(String id, Set<Writer> writers, List<Field> fields) {
        this.id = id;
        this.writers = writers;
        this.fields = fields;
    }

    private static Set<Writer> by(Writer first, Writer... more) {
        return Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** A summary's fields: {@code before}, the {@link Field#SUMMARY_FIGURES}, then {@code after}. */
    private static List<Field> summary(List<Field> before, Field... after) {
        List<Field> fields = new ArrayList<>(before);
        fields.addAll(Field.SUMMARY_FIGURES);
        fields.addAll(List.of(after));
        return List.copyOf(fields);
    }

    /** The value of the line's {@code event} field. */
    public String id() {
        return id;
    }

    public Set<Writer> writers() {
        return writers;
    }

    /**
     * The fields its lines carry after {@code event}, in their order. A line leaves out those that do not apply to
     * it: a record without a sub-sequence number, a split for a rejected request rather than a cut-off answer.
     */
    public List<Field> fields() {
        return fields;
    }

    public boolean writtenBy(Writer writer) {
        return writers.contains(writer);
    }

    public static Optional<LogEvent> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
