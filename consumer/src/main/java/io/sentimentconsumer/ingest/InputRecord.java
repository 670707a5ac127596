package io.sentimentconsumer.ingest;

import java.util.Objects;

/**
 * One record as it came off the stream: its sequence number (the identity Lambda and KCL use to resume)
 * and its raw data. The array is owned by the record; callers do not modify it.
 */
public record InputRecord(String sequenceNumber, byte[] data) {
    public InputRecord {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(data, "data");
    }
}
