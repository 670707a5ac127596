package io.sentimentconsumer.kcl;

import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.publish.InvocationMetrics;
import io.sentimentconsumer.publish.Measurement;
import io.sentimentconsumer.publish.MetricsFailed;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's metrics: the same measurements the Lambda handler publishes per invocation, buffered and sent
 * together on every flush (every 60 s and at shutdown), so PutMetricData carries a minute of calls as
 * {@code Values}/{@code Counts} in as few requests as the API allows instead of one request per batch. A failed
 * flush is logged and counted, and its measurements dropped: metrics never hold records back.
 */
public final class WorkerMetrics {

    /** Counted once per failed attempt of a blocked shard, so an alarm on its Sum sees a stuck consumer. */
    public static final String BLOCKED_SHARD_RETRIES = Metric.BLOCKED_SHARD_RETRIES.id();

    private final MetricsPublisher publisher;
    private final EventLog log;
    private final WorkerTotals totals;
    private List<Measurement> buffer = new ArrayList<>();

    public WorkerMetrics(MetricsPublisher publisher, EventLog log, WorkerTotals totals) {
        this.publisher = publisher;
        this.log = log;
        this.totals = totals;
    }

    public void add(InvocationReport report) {
        List<Measurement> measurements = InvocationMetrics.of(report.calls(), report.totals(), report.counts());
        synchronized (this) {
            buffer.addAll(measurements);
        }
    }

    public synchronized void blockedShardRetry() {
        buffer.add(Measurement.of(Metric.BLOCKED_SHARD_RETRIES, 1));
    }

    /** Publishes what was buffered since the last flush. */
    public void flush() {
        List<Measurement> batch;
        synchronized (this) {
            batch = buffer;
            buffer = new ArrayList<>();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            publisher.publish(batch);
        } catch (Exception e) {
            totals.metricsFailed();
            log.write(new MetricsFailed(e.getClass(), e.getMessage(), batch.size()));
        }
    }
}
