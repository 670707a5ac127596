package io.sentimentconsumer.publish;

import io.sentimentconsumer.events.Metric;

/** One value of one metric; a metric measured once per call has one measurement per call. */
public record Measurement(String name, MetricUnit unit, double value) {

    /** A value of one of the consumer's metrics, under its name and unit. */
    public static Measurement of(Metric metric, double value) {
        return new Measurement(metric.id(), MetricUnit.valueOf(metric.unit().name()), value);
    }
}
