package io.sentimentconsumer.publish;

import io.sentimentconsumer.log.EventLog;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes each analysis's measurements as it is taken: once per Lambda invocation (as an EMF document or one
 * PutMetricData request), after every record has its outcome.
 */
public final class ImmediateMetrics implements MetricsDestination {

    private final MetricsPublisher publisher;
    private final EventLog log;
    private final AtomicInteger failures = new AtomicInteger();

    public ImmediateMetrics(MetricsPublisher publisher, EventLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    @Override
    public int take(List<Measurement> measurements) {
        try {
            publisher.publish(measurements);
            return 0;
        } catch (Exception e) {
            failures.incrementAndGet();
            log.write(new MetricsFailed(e.getClass(), e.getMessage(), null));
            return 1;
        }
    }

    @Override
    public int failures() {
        return failures.get();
    }

    @Override
    public void close() throws Exception {
        if (publisher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
