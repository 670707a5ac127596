package io.sentimentconsumer.kcl;

import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * One shard's processor: feeds the shard's records, in order, through the same pipeline as the Lambda handler.
 *
 * <p>Records go to the pipeline one batch ({@code BATCH_SIZE} records) at a time, and the shard is checkpointed
 * after each batch once every record up to it has its outcome, so a worker that dies re-sends at most one batch
 * per shard. Parallelism comes from shards: the pipeline's pool ({@code BEDROCK_CONCURRENCY}) is shared by all the
 * worker's shards and caps the Converse calls in flight per worker.
 *
 * <p>Records the pipeline hands back (the model call failed after the SDK's retries) are retried here, alone, with
 * capped exponential backoff, for as long as it takes: the checkpoint never passes a record without an outcome, so
 * a blocked shard stops, visibly ({@code shard_blocked} lines, the {@code BlockedShardRetries} metric), rather
 * than losing or reordering anything. A stop request ends the wait, and so does a lost lease (asked before every
 * retry); the records are then delivered again later.
 *
 * <p>A processor that stops short (a stop request, a lost lease) leaves records without an outcome, and KCL never
 * delivers a record to the same processor twice: from then on it analyzes nothing and checkpoints nothing, not even
 * the shard's end, so that the next owner of the lease resumes from the last checkpoint and gets them again.
 */
final class SentimentRecordProcessor implements ShardRecordProcessor {

    private static final int CHECKPOINT_ATTEMPTS = 5;

    private final SentimentPipeline pipeline;
    private final int batchSize;
    private final InvocationReporter reporter;
    private final EventLog log;
    private final Backoff backoff;
    private final Stopping stopping;
    private final Consumer<InvocationReport> reports;

    private String shardId = "unknown";
    /** The last record with an outcome such that every record before it has one too. */
    private KinesisClientRecord done;
    private KinesisClientRecord checkpointed;
    /**
     * Why this processor stopped short (a stop request, a lost lease), leaving records without an outcome;
     * {@code null} while it has not.
     */
    private String stoppedShort;
    /** KCL calls {@code shardEnded} again and again while its end is not checkpointed: say why only once. */
    private boolean shardEndRefused;

    /** Whether the worker is stopping, and a sleep that a stop request cuts short. */
    interface Stopping {
        boolean requested();

        /** Sleeps for {@code duration}; returns {@code true} when a stop was requested meanwhile. */
        boolean await(Duration duration) throws InterruptedException;
    }

    /**
     * @param reporter measures every analysis and writes the summaries
     * @param reports  receives every analysis's report, each record's outcome included (the worker keeps none; the
     *                 lifecycle tests check checkpoints against them)
     */
    SentimentRecordProcessor(SentimentPipeline pipeline, int batchSize, InvocationReporter reporter, EventLog log,
                             Backoff backoff, Stopping stopping, Consumer<InvocationReport> reports) {
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.reporter = reporter;
        this.log = log;
        this.backoff = backoff;
        this.stopping = stopping;
        this.reports = reports;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        // Written by a previous owner's retries (leaseHeld).
        ExtendedSequenceNumber blockedAt = input.pendingCheckpointSequenceNumber();
        log.write(new ShardLine.Started(shardId, String.valueOf(input.extendedSequenceNumber()),
                blockedAt == null ? null : String.valueOf(blockedAt)));
    }

    /**
     * Resolves the call's records batch by batch, then writes one {@code Worker token summary} for the call (its
     * batches and retries together), also when it stops early.
     */
    @Override
    public void processRecords(ProcessRecordsInput input) {
        List<KinesisClientRecord> records = input.records();
        if (records.isEmpty() || stoppedShort != null) {
            return; // a processor that stopped short leaves every later record to the next owner of the lease
        }
        long started = System.nanoTime();
        CallSummary summary = new CallSummary();
        try {
            for (int from = 0; from < records.size(); from += batchSize) {
                if (stopping.requested()) {
                    // Also at a call's first batch: KCL keeps delivering between the stop request and the graceful
                    // shutdown reaching this shard. The batch in flight is finished and checkpointed.
                    stopShort("a stop was requested", records.get(from));
                    return;
                }
                List<KinesisClientRecord> batch = records.subList(from, Math.min(records.size(), from + batchSize));
                if (!resolve(batch, input.checkpointer(), summary)) {
                    return;
                }
            }
        } finally {
            summary.write(records.size(), (System.nanoTime() - started) / 1e6);
        }
    }

    /** The sums of one {@code processRecords} call's analyses, retries included. */
    private final class CallSummary {
        private SummaryFigures figures = reporter.noFigures();

        void add(InvocationReport report) {
            figures = figures.plus(report.counts(), report.totals());
        }

        void write(int records, double durationMillis) {
            reporter.write(new WorkerLine.Summary(shardId, records, figures, durationMillis));
        }
    }

    /**
     * Gives every record of {@code batch} an outcome, retrying what the pipeline hands back, then checkpoints.
     * Returns {@code false} when the shard must stop: a stop was requested or the lease is gone.
     */
    private boolean resolve(List<KinesisClientRecord> batch, RecordProcessorCheckpointer checkpointer,
                            CallSummary summary) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        for (int retry = 0; ; retry++) {
            List<InputRecord> input = new ArrayList<>(pending.size());
            for (int i : pending) {
                input.add(inputRecord(batch.get(i)));
            }
            InvocationReport report = reporter.measure(pipeline.analyze(input));
            reports.accept(report);
            summary.add(report);
            List<Integer> handedBack = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                if (report.outcomes().get(k).kind() == RecordOutcome.Kind.HANDED_BACK) {
                    handedBack.add(pending.get(k));
                }
            }
            if (handedBack.isEmpty()) {
                if (retry > 0) {
                    log.write(new ShardLine.Unblocked(shardId, retry));
                }
                done = batch.get(batch.size() - 1);
                return checkpoint(checkpointer, done);
            }
            int firstFailed = handedBack.get(0);
            if (firstFailed > 0) {
                done = batch.get(firstFailed - 1);
                if (!checkpoint(checkpointer, done)) {
                    return false;
                }
            }
            pending = handedBack;
            Duration delay = backoff.delay(retry + 1);
            reporter.count(Metric.BLOCKED_SHARD_RETRIES);
            log.write(new ShardLine.Blocked(shardId, id(batch.get(firstFailed)), pending.size(), retry + 1, delay));
            try {
                if (stopping.await(delay)) {
                    stopShort("a stop was requested while blocked", batch.get(firstFailed));
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopShort("interrupted while blocked", batch.get(firstFailed));
                return false;
            }
            if (!leaseHeld(checkpointer, batch.get(firstFailed))) {
                return false;
            }
        }
    }

    /**
     * Asks whether this worker still holds the shard's lease before a blocked batch goes to the model again, so
     * that a blocked shard stops calling (and paying for) the model once another worker owns the shard.
     *
     * <p>In KCL 3.5.1 a loop inside {@code processRecords} learns of a lost lease only by writing to the lease
     * table. {@link #leaseLost} comes too late: the shard's shutdown task that calls it runs only after
     * {@code processRecords} has returned (the {@code ShardConsumer} runs one task at a time, under its lock). A
     * checkpoint at the record already checkpointed writes nothing ({@code ShardRecordProcessorCheckpointer
     * .advancePosition}), so it cannot fail either. A pending checkpoint at the first record without an outcome is
     * always written, conditionally on this processor's hold on the lease, and fails with {@link ShutdownException}
     * once it is gone. It is not a checkpoint: nothing resumes from it, the next checkpoint clears it, and a new
     * owner's {@link #initialize} logs it as where the shard was blocked. One conditional write per retry, a second
     * or more apart.
     *
     * @return {@code false} when the lease is gone; {@code true} when it is held or the table could not say
     *         (throttled, unreachable): the checkpoint after the retry asks again
     */
    private boolean leaseHeld(RecordProcessorCheckpointer checkpointer, KinesisClientRecord firstUnfinished) {
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

    /** The lease table refused a write: another worker owns the shard now, and this processor must do no more. */
    private void leaseGone() {
        stoppedShort = "the lease is no longer held";
        log.write(new ShardLine.LeaseGone(shardId));
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        log.write(new ShardLine.LeaseLost(shardId));
    }

    /**
     * Stops this processor for good: {@code first} and every record after it are left without an outcome, so no
     * checkpoint may pass them. They come again to whichever processor next holds the lease.
     */
    private void stopShort(String reason, KinesisClientRecord first) {
        stoppedShort = reason;
        log.write(new ShardLine.StoppedShort(shardId, reason, id(first)));
    }

    /**
     * Checkpoints the shard's end, which tells KCL that every record of the shard is done and lets it start the
     * child shards, unless this processor stopped short.
     *
     * <p>Then it must not: KCL 3.5.1 ({@code ShutdownTask}) sees that no {@code SHARD_END} checkpoint was written,
     * fails the task ("Application didn't checkpoint at end of shard") and runs it again after a short backoff, calling
     * this method again, until the lease leaves this worker. The lease stays unfinished, the child shards wait for
     * it, and the next owner resumes from the last checkpoint: the records skipped here are delivered again. A stop
     * request cannot end that loop (a shard end outranks it), so the graceful shutdown waits out its limit
     * ({@code SentimentWorker}) and the worker then stops anyway, dropping its leases.
     */
    @Override
    public void shardEnded(ShardEndedInput input) {
        if (stoppedShort != null) {
            if (!shardEndRefused) {
                shardEndRefused = true;
                log.write(new ShardLine.EndNotCheckpointed(shardId, stoppedShort));
            }
            return;
        }
        try {
            input.checkpointer().checkpoint();
            log.write(new ShardLine.Ended(shardId));
        } catch (ShutdownException | InvalidStateException e) {
            log.write(new ShardLine.EndCheckpointFailed(shardId, e.getClass()));
        }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        if (done != null && done != checkpointed) {
            checkpoint(input.checkpointer(), done);
        }
        log.write(new ShardLine.Shutdown(shardId, checkpointed == null ? null : id(checkpointed)));
    }

    /** Checkpoints at {@code record}; returns {@code false} when the lease is gone. */
    private boolean checkpoint(RecordProcessorCheckpointer checkpointer, KinesisClientRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                checkpointer.checkpoint(record.sequenceNumber(), record.subSequenceNumber());
                checkpointed = record;
                return true;
            } catch (ShutdownException e) {
                leaseGone();
                return false;
            } catch (ThrottlingException | KinesisClientLibDependencyException e) {
                if (attempt == CHECKPOINT_ATTEMPTS) {
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

    /** Aggregated (KPL) records share a sequence number; their sub-sequence number tells them apart. */
    private static String id(KinesisClientRecord record) {
        return record.aggregated() ? record.sequenceNumber() + "/" + record.subSequenceNumber()
                : record.sequenceNumber();
    }

    private static InputRecord inputRecord(KinesisClientRecord record) {
        ByteBuffer data = record.data() == null ? ByteBuffer.allocate(0) : record.data().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new InputRecord(id(record), bytes);
    }
}
