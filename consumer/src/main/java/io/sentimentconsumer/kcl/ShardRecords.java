package io.sentimentconsumer.kcl;

import io.sentimentconsumer.ingest.InputRecord;
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

    static InputRecord input(KinesisClientRecord record) {
        ByteBuffer data = record.data() == null ? ByteBuffer.allocate(0) : record.data().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new InputRecord(id(record), bytes);
    }
}
