package io.sentimentconsumer.publish;

/** One value of one metric; a metric measured once per call has one measurement per call. */
public record Measurement(String name, MetricUnit unit, double value) {}
