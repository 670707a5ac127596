package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.log.LogLine;
import io.sentimentconsumer.publish.InvocationMetrics;
import io.sentimentconsumer.publish.Measurement;
import io.sentimentconsumer.publish.MetricsDestination;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What follows every analysis, in every runtime: its measurements handed to the metrics destination, then its
 * figures in a summary line. Lambda, replay and redrive summarise each delivery as it is analysed
 * ({@link #report}); the KCL worker measures each analysis as it comes and sums them into a line per
 * {@code processRecords} call and a cumulative one. Measuring comes after every record has its outcome, so a
 * metrics failure never touches a record. Thread-safe.
 */
public final class InvocationReporter implements AutoCloseable {

    private final MetricsDestination metrics;
    private final EventLog log;
    private final String modelId;
    private final boolean estimated;
    private final long startedNanos = System.nanoTime();
    private final AtomicInteger resultsWriteFailures = new AtomicInteger();
    private SummaryFigures sinceStart;

    public InvocationReporter(MetricsDestination metrics, EventLog log, String modelId, boolean estimated) {
        this.metrics = metrics;
        this.log = log;
        this.modelId = modelId;
        this.estimated = estimated;
        this.sinceStart = noFigures();
    }

    /**
     * Measures a delivery analysed in one go and writes its summary line.
     *
     * @param title        how the summary line starts, e.g. "Lambda invocation token summary"
     * @param startedNanos when the delivery was taken in ({@link System#nanoTime()}), for the summary's duration
     * @return the report with its metrics failures counted
     */
    public InvocationReport report(InvocationReport report, String title, long startedNanos) {
        InvocationReport measured = measure(report);
        write(new InvocationLine.Summary(title, modelId, estimated, measured, millisSince(startedNanos)));
        return measured;
    }

    /**
     * Hands the analysis's measurements to the metrics destination and adds its figures to those since the start.
     *
     * @return the report with its metrics failures counted
     */
    public InvocationReport measure(InvocationReport report) {
        int failures = metrics.take(InvocationMetrics.of(report.calls(), report.totals(), report.counts(),
                report.resultsWriteFailures()));
        resultsWriteFailures.addAndGet(report.resultsWriteFailures());
        synchronized (this) {
            sinceStart = sinceStart.plus(report.counts(), report.totals());
        }
        return report.withMetricsFailures(failures);
    }

    /**
     * Counts a write of results that failed outside any report (the worker retries its writes itself): the metric
     * and the count since the start.
     */
    public void resultsWriteFailed() {
        resultsWriteFailures.incrementAndGet();
        count(Metric.RESULTS_WRITE_FAILURES);
    }

    /** Writes of results that failed since this reporter was made. */
    public int resultsWriteFailures() {
        return resultsWriteFailures.get();
    }

    /** Counts one occurrence of {@code metric}, e.g. a blocked shard's retry. */
    public void count(Metric metric) {
        metrics.take(List.of(Measurement.of(metric, 1)));
    }

    public void write(LogLine summary) {
        log.write(summary);
    }

    /** The figures of no analysis, to sum a summary's analyses into. */
    public SummaryFigures noFigures() {
        return SummaryFigures.none(modelId, estimated);
    }

    /** The figures of every analysis measured since this reporter was made. */
    public synchronized SummaryFigures sinceStart() {
        return sinceStart;
    }

    /** Publications that failed since this reporter was made. */
    public int metricsFailures() {
        return metrics.failures();
    }

    public long uptimeMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Closes the metrics destination's client (PutMetricData's), once the runtime has reported its last. */
    @Override
    public void close() throws Exception {
        metrics.close();
    }

    private static double millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }
}
