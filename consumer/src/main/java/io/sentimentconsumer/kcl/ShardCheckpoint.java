package io.sentimentconsumer.kcl;

import io.sentimentconsumer.log.EventLog;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * One shard's checkpoint, as far as its processor may move it: never past a record without an outcome, and not at
 * all once the processor stopped short (a stop request, a lost lease). KCL never delivers a record to the same
 * processor twice, so one that stopped short checkpoints nothing more, not even the shard's end: the next owner of
 * the lease resumes from the last checkpoint and gets the records without an outcome again.
 */
final class ShardCheckpoint {

    private static final int ATTEMPTS = 5;

    private final String shardId;
    private final EventLog log;
    /** The last record with an outcome such that every record before it has one too. */
    private KinesisClientRecord done;
    private KinesisClientRecord checkpointed;
    /** Why the processor stopped short, leaving records without an outcome; {@code null} while it has not. */
    private String stoppedShort;
    /** KCL calls {@code shardEnded} again and again while its end is not checkpointed: say why only once. */
    private boolean endRefused;

    ShardCheckpoint(String shardId, EventLog log) {
        this.shardId = shardId;
        this.log = log;
    }

    String shardId() {
        return shardId;
    }

    boolean stoppedShort() {
        return stoppedShort != null;
    }

    /**
     * Every record up to {@code record} has its outcome: checkpoints there. Returns {@code false} when the
     * processor must stop: the lease is gone, or it was interrupted.
     */
    boolean advance(RecordProcessorCheckpointer checkpointer, KinesisClientRecord record) {
        done = record;
        for (int attempt = 1; ; attempt++) {
            try {
                checkpointer.checkpoint(record.sequenceNumber(), record.subSequenceNumber());
                checkpointed = record;
                return true;
            } catch (ShutdownException e) {
                leaseGone();
                return false;
            } catch (ThrottlingException | KinesisClientLibDependencyException e) {
                if (attempt == ATTEMPTS) {
                    log.write(new ShardLine.CheckpointDeferred(shardId, attempt, e.getClass()));
                    return true;
                }
                try {
                    Thread.sleep(100L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    stoppedShort = "interrupted while checkpointing";
                    return false;
                }
            } catch (InvalidStateException e) {
                log.write(new ShardLine.CheckpointRefused(shardId, e.getClass(), e.getMessage()));
                return true;
            }
        }
    }

    /**
     * Asks whether this worker still holds the shard's lease before a blocked batch goes to the model again, so
     * that a blocked shard stops calling (and paying for) the model once another worker owns the shard.
     *
     * <p>In KCL 3.5.1 a loop inside {@code processRecords} learns of a lost lease only by writing to the lease
     * table. {@code leaseLost} comes too late: the shard's shutdown task that calls it runs only after
     * {@code processRecords} has returned (the {@code ShardConsumer} runs one task at a time, under its lock). A
     * checkpoint at the record already checkpointed writes nothing ({@code ShardRecordProcessorCheckpointer
     * .advancePosition}), so it cannot fail either. A pending checkpoint at the first record without an outcome is
     * always written, conditionally on this processor's hold on the lease, and fails with {@link ShutdownException}
     * once it is gone. It is not a checkpoint: nothing resumes from it, the next checkpoint clears it, and a new
     * owner's {@code initialize} logs it as where the shard was blocked. One conditional write per retry, a second
     * or more apart.
     *
     * @return {@code false} when the lease is gone; {@code true} when it is held or the table could not say
     *         (throttled, unreachable): the checkpoint after the retry asks again
     */
    boolean leaseHeld(RecordProcessorCheckpointer checkpointer, KinesisClientRecord firstUnfinished) {
        try {
            checkpointer.prepareCheckpoint(firstUnfinished.sequenceNumber(), firstUnfinished.subSequenceNumber());
            return true;
        } catch (ShutdownException e) {
            leaseGone();
            return false;
        } catch (ThrottlingException | KinesisClientLibDependencyException | InvalidStateException e) {
            return true;
        }
    }

    /**
     * Stops the processor for good: {@code first} and every record after it are left without an outcome, so no
     * checkpoint may pass them. They come again to whichever processor next holds the lease.
     */
    void stopShort(String reason, KinesisClientRecord first) {
        stoppedShort = reason;
        log.write(new ShardLine.StoppedShort(shardId, reason, ShardRecords.id(first)));
    }

    /**
     * Checkpoints the shard's end, which tells KCL that every record of the shard is done and lets it start the
     * child shards, unless the processor stopped short.
     *
     * <p>Then it must not: KCL 3.5.1 ({@code ShutdownTask}) sees that no {@code SHARD_END} checkpoint was written,
     * fails the task ("Application didn't checkpoint at end of shard") and runs it again after a short backoff, calling
     * this method again, until the lease leaves this worker. The lease stays unfinished, the child shards wait for
     * it, and the next owner resumes from the last checkpoint: the records skipped here are delivered again. A stop
     * request cannot end that loop (a shard end outranks it), so the graceful shutdown waits out its limit
     * ({@code SentimentWorker}) and the worker then stops anyway, dropping its leases.
     */
    void end(RecordProcessorCheckpointer checkpointer) {
        if (stoppedShort != null) {
            if (!endRefused) {
                endRefused = true;
                log.write(new ShardLine.EndNotCheckpointed(shardId, stoppedShort));
            }
            return;
        }
        try {
            checkpointer.checkpoint();
            log.write(new ShardLine.Ended(shardId));
        } catch (ShutdownException | InvalidStateException e) {
            log.write(new ShardLine.EndCheckpointFailed(shardId, e.getClass()));
        }
    }

    /** Checkpoints what is done and not yet checkpointed, at a graceful shutdown. */
    void shutdown(RecordProcessorCheckpointer checkpointer) {
        if (done != null && done != checkpointed) {
            advance(checkpointer, done);
        }
        log.write(new ShardLine.Shutdown(shardId, checkpointed == null ? null : ShardRecords.id(checkpointed)));
    }

    /** The lease table refused a write: another worker owns the shard now, and the processor must do no more. */
    private void leaseGone() {
        stoppedShort = "the lease is no longer held";
        log.write(new ShardLine.LeaseGone(shardId));
    }
}
