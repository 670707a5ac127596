package io.sentimentconsumer.events;

import java.util.Locale;

/**
 * Where the consumer's metrics go ({@link Setting#METRICS_SINK}): the consumer picks its publisher by it, and the
 * CDK app sets it per runtime, granting PutMetricData only where it is {@link #CLOUDWATCH}.
 */
public enum MetricsSink {
    /** Embedded Metric Format documents on stdout, which CloudWatch Logs turns into metrics. */
    EMF,
    /** PutMetricData calls. */
    CLOUDWATCH,
    /** No metrics at all. */
    NONE;

    /** The value as the variable spells it: {@code emf}, {@code cloudwatch} or {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
