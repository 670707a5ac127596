package io.sentimentconsumer.events;

import static io.sentimentconsumer.events.Writer.LAMBDA;
import static io.sentimentconsumer.events.Writer.REDRIVE;
import static io.sentimentconsumer.events.Writer.WORKER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every log event the consumer writes, by the value of its {@code event} field, and who writes it. The code writes
 * these names, the saved queries and metric filters read them, and a test holds the runtimes to the writers
 * declared here.
 */
public enum LogEvent {
    // Per model call.
    BEDROCK_CALL("bedrock_call", LAMBDA, WORKER, REDRIVE),
    BEDROCK_CALL_WITHOUT_USAGE("bedrock_call_without_usage", LAMBDA, WORKER, REDRIVE),
    FOLLOW_UP("follow_up", LAMBDA, WORKER, REDRIVE),
    SPLIT("split", LAMBDA, WORKER, REDRIVE),

    // Per delivery, from the pipeline.
    INVALID_RECORD("invalid_record", LAMBDA, WORKER, REDRIVE),
    INVALID_RECORDS_MORE("invalid_records_more", LAMBDA, WORKER, REDRIVE),
    OUTCOMES_REUSED("outcomes_reused", LAMBDA, REDRIVE),
    BATCH_HANDED_BACK("batch_handed_back", LAMBDA, WORKER, REDRIVE),
    BATCHES_NOT_SENT("batches_not_sent", LAMBDA, WORKER, REDRIVE),
    BATCH_ERROR("batch_error", LAMBDA, WORKER, REDRIVE),
    DEADLINE_REACHED("deadline_reached", LAMBDA),
    MODEL_CONFIGURATION_ERROR("model_configuration_error", LAMBDA, WORKER, REDRIVE),
    INVOCATION_FAILED("invocation_failed", LAMBDA, WORKER, REDRIVE),
    INVOCATION_INTERRUPTED("invocation_interrupted", LAMBDA, WORKER, REDRIVE),
    UNPRICED_MODEL("unpriced_model", LAMBDA, WORKER, REDRIVE),
    /** Once at start-up: the newest price in the price table is older than 90 days. */
    PRICE_TABLE_STALE("price_table_stale", LAMBDA, WORKER, REDRIVE),
    METRICS_FAILED("metrics_failed", LAMBDA, WORKER, REDRIVE),
    /** The summary of one delivery: a Lambda invocation, a replay, a redriven range. */
    INVOCATION_SUMMARY("invocation_summary", LAMBDA, REDRIVE),

    // The KCL worker.
    WORKER_STARTED("worker_started", WORKER),
    WORKER_STOPPING("worker_stopping", WORKER),
    WORKER_FAILED("worker_failed", WORKER),
    WORKER_SHUTDOWN_INCOMPLETE("worker_shutdown_incomplete", WORKER),
    /** The summary of one {@code processRecords} call of one shard. */
    WORKER_SUMMARY("worker_summary", WORKER),
    /** The worker's totals since it started, every {@code SUMMARY_INTERVAL} and at shutdown. */
    WORKER_CUMULATIVE_SUMMARY("worker_cumulative_summary", WORKER),
    SHARD_STARTED("shard_started", WORKER),
    SHARD_BLOCKED("shard_blocked", WORKER),
    SHARD_UNBLOCKED("shard_unblocked", WORKER),
    SHARD_STOPPED_SHORT("shard_stopped_short", WORKER),
    SHARD_ENDED("shard_ended", WORKER),
    SHARD_END_NOT_CHECKPOINTED("shard_end_not_checkpointed", WORKER),
    SHARD_SHUTDOWN("shard_shutdown", WORKER),
    LEASE_LOST("lease_lost", WORKER),
    CHECKPOINT_FAILED("checkpoint_failed", WORKER),

    // redrive.
    REDRIVE_RANGE("redrive_range", REDRIVE),
    REDRIVE_RANGE_LARGER_THAN_BATCH("redrive_range_larger_than_batch", REDRIVE),
    REDRIVE_DONE("redrive_done", REDRIVE),
    REDRIVE_KEPT("redrive_kept", REDRIVE),
    REDRIVE_LOST("redrive_lost", REDRIVE),
    REDRIVE_UNREADABLE("redrive_unreadable", REDRIVE),
    REDRIVE_NOT_A_FAILURE_RECORD("redrive_not_a_failure_record", REDRIVE),
    REDRIVE_RELEASE_FAILED("redrive_release_failed", REDRIVE),
    REDRIVE_DELETE_FAILED("redrive_delete_failed", REDRIVE);

    private final String id;
    private final Set<Writer> writers;

    LogEvent(String id, Writer first, Writer... more) {
        this.id = id;
        this.writers = EnumSet.of(first, more);
    }

    /** The value of the line's {@code event} field. */
    public String id() {
        return id;
    }

    public Set<Writer> writers() {
        return writers;
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
