package io.sentimentconsumer.publish;

import java.util.List;

/**
 * Where measurements go once taken: published at once (a delivery at a time: Lambda, replay, redrive) or buffered
 * and published every minute (the KCL worker). What is measured does not know which. A failed publication is
 * logged once ({@code metrics_failed}) and counted; it never touches a record.
 */
public sealed interface MetricsDestination extends AutoCloseable permits ImmediateMetrics, BufferedMetrics {

    /** Takes one analysis's measurements; returns the publications that failed while taking them. */
    int take(List<Measurement> measurements);

    /** Publications that failed since the start. */
    int failures();

    /** Closes the publisher's client, for long-running runtimes at shutdown. */
    @Override
    void close() throws Exception;
}
