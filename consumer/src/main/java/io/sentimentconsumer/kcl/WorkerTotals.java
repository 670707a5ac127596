package io.sentimentconsumer.kcl;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;

/**
 * What a worker has spent and produced since it started, summed over every pipeline invocation of every shard.
 * Written as {@code Worker cumulative token summary: ...}, with the same figures as the invocation summary.
 * Thread-safe: shard processors add from their own threads.
 */
public final class WorkerTotals {

    private final String modelId;
    private final boolean estimated;
    private final long startedNanos = System.nanoTime();
    private CallTotals totals = CallTotals.NONE;
    private RecordCounts counts = RecordCounts.NONE;
    private int metricsFailures;

    public WorkerTotals(String modelId, boolean estimated) {
        this.modelId = modelId;
        this.estimated = estimated;
    }

    /** Adds one invocation; records handed back are counted each time, as the invocation summaries count them. */
    public synchronized void add(InvocationReport report) {
        totals = totals.plus(report.totals());
        counts = counts.plus(report.counts());
    }

    public synchronized void metricsFailed() {
        metricsFailures++;
    }

    /** Writes the cumulative summary line. */
    public synchronized void write(EventLog log) {
        log.write(new WorkerLine.Cumulative(new SummaryFigures(modelId, estimated, counts, totals), metricsFailures,
                (System.nanoTime() - startedNanos) / 1_000_000));
    }
}
