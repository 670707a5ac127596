package io.sentimentconsumer.kcl;

import static io.sentimentconsumer.events.Field.APPLICATION;
import static io.sentimentconsumer.events.Field.DURATION_MS;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.KINESIS_RECORDS;
import static io.sentimentconsumer.events.Field.METRICS_FAILURES;
import static io.sentimentconsumer.events.Field.RESULTS_WRITE_FAILURES;
import static io.sentimentconsumer.events.Field.SHARD_ID;
import static io.sentimentconsumer.events.Field.STREAM;
import static io.sentimentconsumer.events.Field.UPTIME_MS;
import static io.sentimentconsumer.events.Field.WORKER_ID;

import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.account.UsageLines;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;
import io.sentimentconsumer.pipeline.InvocationReporter;

/** The KCL worker's lines: its start and stop, and its summaries. */
public sealed interface WorkerLine extends LogLine {

    @Line(event = LogEvent.WORKER_STARTED, level = Level.INFO)
    record Started(String workerId, String stream, String application, boolean fanOut) implements WorkerLine {
        @Override
        public String message() {
            return "Worker " + workerId + " starting: stream " + stream + ", application " + application + ", "
                    + (fanOut ? "enhanced fan-out" : "polling");
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(WORKER_ID, workerId).put(STREAM, stream).put(APPLICATION, application);
        }
    }

    @Line(event = LogEvent.WORKER_STOPPING, level = Level.INFO)
    record Stopping(String workerId) implements WorkerLine {
        @Override
        public String message() {
            return "Worker " + workerId + " stopping: finishing batches in flight and checkpointing";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(WORKER_ID, workerId);
        }
    }

    @Line(event = LogEvent.WORKER_SHUTDOWN_INCOMPLETE, level = Level.WARN)
    record ShutdownIncomplete(Class<? extends Exception> error) implements WorkerLine {
        @Override
        public String message() {
            return "Graceful shutdown did not complete (" + error.getSimpleName() + "); stopping now";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(ERROR, error.getName());
        }
    }

    /** The KCL scheduler gave up by itself: the worker exits, and its supervisor starts another. */
    @Line(event = LogEvent.WORKER_FAILED, level = Level.ERROR)
    record Failed() implements WorkerLine {
        @Override
        public String message() {
            return "The KCL scheduler stopped by itself (see its log above); exiting";
        }
    }

    /**
     * The summary of one {@code processRecords} call of one shard: its batches and their retries together.
     *
     * @param kinesisRecords       the records KCL delivered in the call
     * @param resultsWriteFailures writes of results that failed in the call (each retried while the shard blocks)
     */
    @Line(event = LogEvent.WORKER_SUMMARY, level = Level.INFO)
    record Summary(String shardId, int kinesisRecords, SummaryFigures figures, int resultsWriteFailures,
                   double durationMillis) implements WorkerLine {
        public static final String TITLE = "Worker token summary";

        @Override
        public String message() {
            return figures.line(TITLE);
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SHARD_ID, shardId).put(KINESIS_RECORDS, kinesisRecords);
            figures.writeTo(fields);
            fields.put(RESULTS_WRITE_FAILURES, resultsWriteFailures)
                    .put(DURATION_MS, UsageLines.hundredths(durationMillis));
        }
    }

    /**
     * What the worker spent and produced since it started, over every analysis of every shard; records handed back
     * count each time, as the per-call summaries count them.
     */
    @Line(event = LogEvent.WORKER_CUMULATIVE_SUMMARY, level = Level.INFO)
    record Cumulative(SummaryFigures figures, int metricsFailures, int resultsWriteFailures, long uptimeMillis)
            implements WorkerLine {
        public static final String TITLE = "Worker cumulative token summary";

        /** The reporter's figures since it started. */
        public static Cumulative of(InvocationReporter reporter) {
            return new Cumulative(reporter.sinceStart(), reporter.metricsFailures(), reporter.resultsWriteFailures(),
                    reporter.uptimeMillis());
        }

        @Override
        public String message() {
            return figures.line(TITLE);
        }

        @Override
        public void fields(FieldWriter fields) {
            figures.writeTo(fields);
            fields.put(METRICS_FAILURES, metricsFailures).put(RESULTS_WRITE_FAILURES, resultsWriteFailures)
                    .put(UPTIME_MS, uptimeMillis);
        }
    }
}
