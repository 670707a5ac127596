package io.sentimentconsumer.redrive;

import io.sentimentconsumer.ingest.InputRecord;
import java.util.List;

/**
 * What the stream still holds of a failure record's range.
 *
 * @param records       the range's records that could be read, in sequence order
 * @param lost          records of the range that are gone, past the stream's retention (counted from the failure
 *                      record's {@code batchSize}); zero when the range was read from its first record on
 * @param firstReadable the oldest record of the shard after the lost ones, or {@code null} when none was found
 * @param unreadable    why the range could not be read at all (the stream is not there, the shard rejects the
 *                      sequence number for a reason other than retention, ...); {@code null} when it was read
 * @param requests      Kinesis requests it took (DescribeStreamSummary, GetShardIterator, GetRecords)
 */
public record RangeRead(List<InputRecord> records, int lost, String firstReadable, String unreadable, int requests) {

    public RangeRead {
        records = List.copyOf(records);
    }

    static RangeRead unreadable(String reason, int requests) {
        return new RangeRead(List.of(), 0, null, reason, requests);
    }

    public boolean readable() {
        return unreadable == null;
    }
}
