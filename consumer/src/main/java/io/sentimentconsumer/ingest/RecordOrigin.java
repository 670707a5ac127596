package io.sentimentconsumer.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a record sat on its stream and when it arrived there, as the runtime that read it says: what the results
 * datasets name a record by and partition it with. Lambda's event gives the stream (its ARN), the shard (the event
 * id) and the approximate arrival time; KCL's record and its processor give the same.
 *
 * @param stream            the stream's name
 * @param subSequenceNumber the user record's position inside a KPL aggregate the runtime unpacked itself (KCL);
 *                          {@code null} otherwise (an aggregate the pipeline unpacks numbers its user records itself)
 * @param arrival           the record's approximate arrival time on the stream
 */
public record RecordOrigin(String stream, String shardId, String sequenceNumber, Long subSequenceNumber,
                           Instant arrival) {

    public RecordOrigin {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(arrival, "arrival");
    }

    /** A record outside any aggregate the runtime unpacked. */
    public static RecordOrigin of(String stream, String shardId, String sequenceNumber, Instant arrival) {
        return new RecordOrigin(stream, shardId, sequenceNumber, null, arrival);
    }
}
