package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.publish.InvocationMetrics;
import io.sentimentconsumer.publish.MetricsFailed;
import io.sentimentconsumer.publish.MetricsPublisher;

/**
 * What follows an analyzed delivery in the runtimes that report one delivery at a time (Lambda, {@code replay},
 * {@code redrive}): its metrics published, then its summary line. Publishing comes after every record has its
 * outcome, so a metrics failure never touches a record: it is logged once and counted in the summary.
 */
public final class InvocationReporter {

    private final MetricsPublisher metrics;
    private final EventLog log;
    private final String modelId;
    private final boolean estimated;

    public InvocationReporter(MetricsPublisher metrics, EventLog log, String modelId, boolean estimated) {
        this.metrics = metrics;
        this.log = log;
        this.modelId = modelId;
        this.estimated = estimated;
    }

    /**
     * Publishes the report's metrics and writes its summary line.
     *
     * @param title        how the summary line starts, e.g. "Lambda invocation token summary"
     * @param startedNanos when the delivery was taken in ({@link System#nanoTime()}), for the summary's duration
     * @return the report with its metrics failures counted
     */
    public InvocationReport report(InvocationReport report, String title, long startedNanos) {
        InvocationReport published = report.withMetricsFailures(publish(report));
        writeSummary(published, title, (System.nanoTime() - startedNanos) / 1e6);
        return published;
    }

    /** Closes the publisher's client, for long-running runtimes at shutdown. */
    public void close() throws Exception {
        if (metrics instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private int publish(InvocationReport report) {
        try {
            metrics.publish(InvocationMetrics.of(report.calls(), report.totals(), report.counts()));
            return 0;
        } catch (Exception e) {
            log.write(new MetricsFailed(e.getClass(), e.getMessage(), null));
            return 1;
        }
    }

    private void writeSummary(InvocationReport report, String title, double durationMillis) {
        log.write(new InvocationLine.Summary(title, modelId, estimated, report, durationMillis));
    }
}
