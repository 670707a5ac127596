package io.sentimentconsumer.results;

/**
 * Where each delivery's results go: the {@link io.sentimentconsumer.events.Dataset}s' rows, written once per
 * delivery. A record's outcome is final only once its row is written, so a runtime hands a delivery's records back
 * when its write fails.
 */
public interface ResultsSink {

    /** Keeps nothing: {@code RESULTS_SINK=none}. */
    ResultsSink NONE = results -> { };

    /**
     * Writes one delivery's rows: its calls, then its posts, each dataset in one object.
     *
     * @throws ResultsWriteException naming the object that could not be written, after the client's retries
     */
    void write(DeliveryResults results);
}
