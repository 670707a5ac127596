package io.sentimentconsumer.kcl;

import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.nio.ByteBuffer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/** KCL's records as the pipeline and the log lines name them. */
final class ShardRecords {

    private ShardRecords() {}

    /** Aggregated (KPL) records share a sequence number; their sub-sequence number tells them apart. */
    static String id(KinesisClientRecord record) {
        return record.aggregated() ? record.sequenceNumber() + "/" + record.subSequenceNumber()
                : record.sequenceNumber();
    }

    /**
     * The pipeline's record, with its origin on {@code stream}'s shard {@code shardId} when KCL says when it
     * arrived.
     */
    static InputRecord input(KinesisClientRecord record, String stream, String shardId) {
        ByteBuffer data = record.data() == null ? ByteBuffer.allocate(0) : record.data().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new InputRecord(id(record), bytes, null, origin(record, stream, shardId));
    }

    /** Where the record sits on {@code stream}'s shard; {@code null} when KCL does not say when it arrived. */
    static RecordOrigin origin(KinesisClientRecord record, String stream, String shardId) {
        if (record.approximateArrivalTimestamp() == null) {
            return null;
        }
        return new RecordOrigin(stream, shardId, record.sequenceNumber(),
                record.aggregated() ? record.subSequenceNumber() : null, record.approximateArrivalTimestamp());
    }
}
