package io.sentimentconsumer.publish;

import io.sentimentconsumer.log.EventLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers measurements and publishes them together on every {@link #flush} (the worker flushes every 60 s and at
 * shutdown), so PutMetricData carries a minute of calls as {@code Values}/{@code Counts} in as few requests as the
 * API allows instead of one request per batch. A failed flush drops its measurements: metrics never hold records
 * back. Thread-safe: shard processors take from their own threads.
 */
public final class BufferedMetrics implements MetricsDestination {

    private final MetricsPublisher publisher;
    private final EventLog log;
    private List<Measurement> buffer = new ArrayList<>();
    private int failures;

    public BufferedMetrics(MetricsPublisher publisher, EventLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    /** Buffers; a failure to publish them is counted when they are flushed, so this returns 0. */
    @Override
    public synchronized int take(List<Measurement> measurements) {
        buffer.addAll(measurements);
        return 0;
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
            synchronized (this) {
                failures++;
            }
            log.write(new MetricsFailed(e.getClass(), e.getMessage(), batch.size()));
        }
    }

    @Override
    public synchronized int failures() {
        return failures;
    }

    @Override
    public void close() throws Exception {
        if (publisher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
