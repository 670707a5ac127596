package io.sentimentconsumer.ingest;

import java.util.Objects;

/**
 * One record as it came off the stream: its sequence number (the identity Lambda and KCL use to resume) and its
 * raw data. The array is owned by the record; callers do not modify it.
 *
 * @param source the stream and shard it came from ({@code <stream ARN>/<shard id>}) when the runtime says, else
 *               {@code null}; with the sequence number it names the record across deliveries
 */
public record InputRecord(String sequenceNumber, byte[] data, String source) {
    public InputRecord {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(data, "data");
    }

    /** A record whose stream and shard are not known (a worker's, a test's). */
    public InputRecord(String sequenceNumber, byte[] data) {
        this(sequenceNumber, data, null);
    }
}
