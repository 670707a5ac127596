package io.sentimentconsumer.kcl;

import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.results.ResultsWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 * retry); the records are then delivered again later. Once it stops short, the processor analyzes nothing more
 * ({@link ShardCheckpoint}).
 *
 * <p>With a results sink, an outcome is final only once its row is written, and the checkpoint passes only records
 * whose rows are: rows are written for the batch's records up to its first one without an outcome (those after it
 * wait, so that a processor that stops short never leaves rows for records the next owner analyses again). A
 * write that fails blocks the shard the same way, and the same write, same rows and same keys, is retried after
 * the backoff: the outcomes are in hand, so nothing is sent to the model, or paid for, again.
 */
final class SentimentRecordProcessor implements ShardRecordProcessor {

    private final SentimentPipeline pipeline;
    private final int batchSize;
    private final InvocationReporter reporter;
    private final ResultsWriter results;
    private final String stream;
    private final EventLog log;
    private final Backoff backoff;
    private final Stopping stopping;
    private final Consumer<InvocationReport> reports;
    private ShardCheckpoint shard;

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
        this(pipeline, batchSize, reporter, ResultsWriter.none(), "unknown", log, backoff, stopping, reports);
    }

    /**
     * @param results where each batch's rows are written before its checkpoint
     * @param stream  the stream's name, for the rows
     */
    SentimentRecordProcessor(SentimentPipeline pipeline, int batchSize, InvocationReporter reporter,
                             ResultsWriter results, String stream, EventLog log, Backoff backoff, Stopping stopping,
                             Consumer<InvocationReport> reports) {
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.reporter = reporter;
        this.results = results;
        this.stream = stream;
        this.log = log;
        this.backoff = backoff;
        this.stopping = stopping;
        this.reports = reports;
        this.shard = new ShardCheckpoint("unknown", log);
    }

    @Override
    public void initialize(InitializationInput input) {
        shard = new ShardCheckpoint(input.shardId(), log);
        // Written by a previous owner's retries (ShardCheckpoint.leaseHeld).
        ExtendedSequenceNumber blockedAt = input.pendingCheckpointSequenceNumber();
        log.write(new ShardLine.Started(shard.shardId(), String.valueOf(input.extendedSequenceNumber()),
                blockedAt == null ? null : String.valueOf(blockedAt)));
    }

    /**
     * Resolves the call's records batch by batch, then writes one {@code Worker token summary} for the call (its
     * batches and retries together), also when it stops early.
     */
    @Override
    public void processRecords(ProcessRecordsInput input) {
        List<KinesisClientRecord> records = input.records();
        if (records.isEmpty() || shard.stoppedShort()) {
            return; // a processor that stopped short leaves every later record to the next owner of the lease
        }
        Call call = new Call(input.checkpointer());
        try {
            for (int from = 0; from < records.size(); from += batchSize) {
                if (stopping.requested()) {
                    // Also at a call's first batch: KCL keeps delivering between the stop request and the graceful
                    // shutdown reaching this shard. The batch in flight is finished and checkpointed.
                    shard.stopShort("a stop was requested", records.get(from));
                    return;
                }
                if (!call.resolve(records.subList(from, Math.min(records.size(), from + batchSize)))) {
                    return;
                }
            }
        } finally {
            reporter.write(new WorkerLine.Summary(shard.shardId(), records.size(), call.figures,
                    call.resultsWriteFailures, (System.nanoTime() - call.startedNanos) / 1e6));
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        log.write(new ShardLine.LeaseLost(shard.shardId()));
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        shard.end(input.checkpointer());
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        shard.shutdown(input.checkpointer());
    }

    /** One {@code processRecords} call: its batches, their retries, and the sums of their analyses. */
    private final class Call {
        private final RecordProcessorCheckpointer checkpointer;
        private final long startedNanos = System.nanoTime();
        private SummaryFigures figures = reporter.noFigures();
        private int resultsWriteFailures;

        Call(RecordProcessorCheckpointer checkpointer) {
            this.checkpointer = checkpointer;
        }

        /**
         * Gives every record of {@code batch} an outcome, retrying what the pipeline hands back, writes their rows,
         * then checkpoints. Returns {@code false} when the shard must stop: a stop was requested or the lease is
         * gone.
         */
        boolean resolve(List<KinesisClientRecord> batch) {
            BatchResults state = new BatchResults(batch, results, stream, shard.shardId());
            for (int retry = 0; ; retry++) {
                if (!state.writePending()) {
                    analyze(batch, state);
                }
                if (!state.write()) {
                    resultsWriteFailures++;
                    reporter.resultsWriteFailed();
                }
                if (state.done()) {
                    if (retry > 0) {
                        log.write(new ShardLine.Unblocked(shard.shardId(), retry));
                    }
                    return shard.advance(checkpointer, batch.get(batch.size() - 1));
                }
                int firstWaiting = state.written();
                if (firstWaiting > 0 && !shard.advance(checkpointer, batch.get(firstWaiting - 1))) {
                    return false;
                }
                if (!awaitRetry(retry + 1, batch.get(firstWaiting), batch.size() - firstWaiting)) {
                    return false;
                }
            }
        }

        /** Sends the records of {@code batch} still without an outcome to the pipeline; keeps what it decided. */
        private void analyze(List<KinesisClientRecord> batch, BatchResults state) {
            List<Integer> pending = state.pending();
            if (pending.isEmpty()) {
                return;
            }
            List<InputRecord> input = new ArrayList<>(pending.size());
            for (int i : pending) {
                input.add(ShardRecords.input(batch.get(i), stream, shard.shardId()));
            }
            InvocationReport report = reporter.measure(pipeline.analyze(input));
            reports.accept(report);
            figures = figures.plus(report.counts(), report.totals());
            state.analysed(report);
        }

        /**
         * Waits out the backoff before retry number {@code retry} of the records from {@code first} on; returns
         * {@code false} when the shard must stop instead.
         */
        private boolean awaitRetry(int retry, KinesisClientRecord first, int records) {
            Duration delay = backoff.delay(retry);
            reporter.count(Metric.BLOCKED_SHARD_RETRIES);
            log.write(new ShardLine.Blocked(shard.shardId(), ShardRecords.id(first), records, retry, delay));
            try {
                if (stopping.await(delay)) {
                    shard.stopShort("a stop was requested while blocked", first);
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shard.stopShort("interrupted while blocked", first);
                return false;
            }
            return shard.leaseHeld(checkpointer, first);
        }
    }
}
