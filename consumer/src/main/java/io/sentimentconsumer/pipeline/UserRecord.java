package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.KplAggregate;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.util.ArrayList;
import java.util.List;

/**
 * One user record: a Kinesis record, or one of the records a KPL aggregate holds (then with its sub-sequence
 * number). An aggregate that cannot be unpacked is one user record, invalid with the reason.
 *
 * @param origin the Kinesis record's origin, shared by the user records of an aggregate; {@code null} when unknown
 */
record UserRecord(String source, String sequenceNumber, Integer subSequenceNumber, byte[] data,
                  String invalidReason, RecordOrigin origin) {

    /** The delivery's user records, in order. */
    static List<UserRecord> unpack(List<InputRecord> records) {
        List<UserRecord> out = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            if (!KplAggregate.isAggregated(record.data())) {
                out.add(new UserRecord(record.source(), record.sequenceNumber(), null, record.data(), null,
                        record.origin()));
                continue;
            }
            try {
                List<byte[]> userRecords = KplAggregate.userRecords(record.data());
                for (int k = 0; k < userRecords.size(); k++) {
                    out.add(new UserRecord(record.source(), record.sequenceNumber(), k, userRecords.get(k), null,
                            record.origin()));
                }
            } catch (IllegalArgumentException e) {
                out.add(new UserRecord(record.source(), record.sequenceNumber(), null, record.data(),
                        e.getMessage(), record.origin()));
            }
        }
        return out;
    }

    /** The record's name across deliveries, when its source is known. */
    OutcomeMemory.Key key() {
        return source == null ? null : new OutcomeMemory.Key(source, sequenceNumber, subSequenceNumber);
    }
}
