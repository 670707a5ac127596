package io.sentimentconsumer.kcl;

import static io.sentimentconsumer.events.Field.CHECKPOINT;
import static io.sentimentconsumer.events.Field.DELAY_MS;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.FIRST_SEQUENCE_NUMBER;
import static io.sentimentconsumer.events.Field.PREVIOUS_OWNER_BLOCKED_AT;
import static io.sentimentconsumer.events.Field.REASON;
import static io.sentimentconsumer.events.Field.RECORDS;
import static io.sentimentconsumer.events.Field.RETRIES;
import static io.sentimentconsumer.events.Field.RETRY;
import static io.sentimentconsumer.events.Field.SHARD_ID;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;
import java.time.Duration;

/** A shard's lifecycle as its processor sees it: leased, blocked, stopped, ended, checkpointed. */
public sealed interface ShardLine extends LogLine {

    String shardId();

    /** Every shard line names its shard first; most name more. */
    @Override
    default void fields(FieldWriter fields) {
        fields.put(SHARD_ID, shardId());
    }

    /**
     * @param checkpoint             where the shard resumes
     * @param previousOwnerBlockedAt where a previous owner's retries were blocked (it may have paid for records up to
     *                               there); {@code null} when none was
     */
    @Line(event = LogEvent.SHARD_STARTED, level = Level.INFO)
    record Started(String shardId, String checkpoint, String previousOwnerBlockedAt) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": leased, starting after " + checkpoint
                    + (previousOwnerBlockedAt == null ? "" : "; the previous owner was blocked at "
                    + previousOwnerBlockedAt);
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(CHECKPOINT, checkpoint)
                    .putIfPresent(PREVIOUS_OWNER_BLOCKED_AT, previousOwnerBlockedAt);
        }
    }

    /** Records the pipeline handed back, retried after {@code delay}; the checkpoint waits for them. */
    @Line(event = LogEvent.SHARD_BLOCKED, level = Level.WARN)
    record Blocked(String shardId, String firstSequenceNumber, int records, int retry, Duration delay)
            implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + " blocked: " + records + " records from sequence number "
                    + firstSequenceNumber + " have no outcome; retry " + retry + " in " + delay.toMillis()
                    + " ms; not checkpointing past them";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(FIRST_SEQUENCE_NUMBER, firstSequenceNumber).put(RECORDS, records)
                    .put(RETRY, retry).put(DELAY_MS, delay.toMillis());
        }
    }

    @Line(event = LogEvent.SHARD_UNBLOCKED, level = Level.INFO)
    record Unblocked(String shardId, int retries) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + " unblocked after " + retries + " retries";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(RETRIES, retries);
        }
    }

    /** The processor stops for good, leaving records from {@code firstSequenceNumber} on to the next owner. */
    @Line(event = LogEvent.SHARD_STOPPED_SHORT, level = Level.WARN)
    record StoppedShort(String shardId, String reason, String firstSequenceNumber) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": stopping short (" + reason + "); records from sequence number "
                    + firstSequenceNumber + " on have no outcome, are not checkpointed and will be delivered again";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(REASON, reason).put(FIRST_SEQUENCE_NUMBER, firstSequenceNumber);
        }
    }

    /** A write to the lease table was refused: another worker owns the shard now. */
    @Line(event = LogEvent.LEASE_LOST, level = Level.INFO)
    record LeaseGone(String shardId) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": lease no longer held; stopping without checkpointing";
        }
    }

    /** KCL's own word that the lease is lost. */
    @Line(event = LogEvent.LEASE_LOST, level = Level.INFO)
    record LeaseLost(String shardId) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": lease lost; stopping without checkpointing";
        }
    }

    @Line(event = LogEvent.SHARD_ENDED, level = Level.INFO)
    record Ended(String shardId) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + " ended and is checkpointed at its end";
        }
    }

    /** @param reason why the processor stopped short */
    @Line(event = LogEvent.SHARD_END_NOT_CHECKPOINTED, level = Level.WARN)
    record EndNotCheckpointed(String shardId, String reason) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + " ended, but this processor stopped short (" + reason + "): not "
                    + "checkpointing its end, so that its last records are delivered again; the child shards start "
                    + "after that";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(REASON, reason);
        }
    }

    @Line(event = LogEvent.CHECKPOINT_FAILED, level = Level.ERROR)
    record EndCheckpointFailed(String shardId, Class<? extends Exception> error) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": cannot checkpoint its end (" + error.getSimpleName() + ")";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(ERROR, error.getName());
        }
    }

    /** Throttled or unreachable at every attempt: a later checkpoint covers the same records. */
    @Line(event = LogEvent.CHECKPOINT_FAILED, level = Level.WARN)
    record CheckpointDeferred(String shardId, int attempts, Class<? extends Exception> error) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": checkpoint failed " + attempts + " times (" + error.getSimpleName()
                    + "); the next checkpoint covers these records";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(ERROR, error.getName());
        }
    }

    /** @param why the checkpointer's message */
    @Line(event = LogEvent.CHECKPOINT_FAILED, level = Level.ERROR)
    record CheckpointRefused(String shardId, Class<? extends Exception> error, String why) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": checkpoint failed (" + why + ")";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(ERROR, error.getName());
        }
    }

    /** @param checkpoint the last checkpoint this processor wrote; {@code null} for none */
    @Line(event = LogEvent.SHARD_SHUTDOWN, level = Level.INFO)
    record Shutdown(String shardId, String checkpoint) implements ShardLine {
        @Override
        public String message() {
            return "Shard " + shardId + ": shutting down, checkpointed at "
                    + (checkpoint == null ? "nothing new" : checkpoint);
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(CHECKPOINT, checkpoint == null ? "" : checkpoint);
        }
    }
}
