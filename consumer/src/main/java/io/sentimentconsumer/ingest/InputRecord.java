package io.sentimentconsumer.ingest;

import java.util.Objects;

/**
 * One record as it came off the stream: its sequence number (the identity Lambda and KCL use to resume) and its
 * raw data. The array is owned by the record; callers do not modify it.
 *
 * @param source the stream and shard it came from ({@code <stream ARN>/<shard id>}) when the runtime says, else
 *               {@code null}; with the sequence number it names the record across deliveries
 * @param origin its stream, shard, position and arrival time, for the results datasets; {@code null} when the
 *               runtime does not say (a test's record), and then no results row names it
 */
public record InputRecord(String sequenceNumber, byte[] data, String source, RecordOrigin origin) {
    public InputRecord {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(data, "data");
    }

    /** A record whose origin is not known. */
    public InputRecord(String sequenceNumber, byte[] data, String source) {
        this(sequenceNumber, data, source, null);
    }

    /** A record whose stream and shard are not known (a test's). */
    public InputRecord(String sequenceNumber, byte[] data) {
        this(sequenceNumber, data, null, null);
    }
}
