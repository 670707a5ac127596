package io.sentimentconsumer.reconcile;

import java.time.Instant;

/** One model's hour: the hour starting at {@code hour}, UTC. */
public record HourRow(String modelId, Instant hour, Comparison counts) {}
