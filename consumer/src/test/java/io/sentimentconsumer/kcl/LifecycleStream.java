package io.sentimentconsumer.kcl;

import io.sentimentconsumer.testing.KinesisEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * One closed shard's records as KCL hands them to a processor: in order, KPL aggregates already split into user
 * records that share a sequence number and differ by sub-sequence number. Mostly valid posts, some invalid or
 * blank records, and some posts sent twice (a producer's retry), drawn from the seed.
 */
record LifecycleStream(List<KinesisClientRecord> records, Map<String, Integer> positions) {

    static LifecycleStream of(Random random) {
        List<KinesisClientRecord> records = new ArrayList<>();
        int kinesisRecords = 12 + random.nextInt(40);
        byte[] previous = null;
        for (int k = 0; k < kinesisRecords; k++) {
            String sequenceNumber = KinesisEvents.sequenceNumber(k);
            int userRecords = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : 1;
            for (int sub = 0; sub < userRecords; sub++) {
                byte[] data = data(random, "post-" + k + "-" + sub, previous);
                previous = data;
                records.add(KinesisClientRecord.builder()
                        .sequenceNumber(sequenceNumber)
                        .subSequenceNumber(sub)
                        .aggregated(userRecords > 1)
                        .partitionKey("user-" + k)
                        .data(ByteBuffer.wrap(data))
                        .build());
            }
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            positions.put(id(records.get(i)), i);
        }
        return new LifecycleStream(List.copyOf(records), Map.copyOf(positions));
    }

    private static byte[] data(Random random, String postId, byte[] previous) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return ("not json " + postId).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            return KinesisEvents.post(postId, " \u200B ");
        }
        if (kind == 2 && previous != null) {
            return previous;
        }
        return KinesisEvents.post(postId, "Post " + postId + " " + Long.toHexString(random.nextLong()));
    }

    /**
     * How a record is named in the pipeline's outcomes and the worker's lines (the KCL record id the processor
     * passes on): the sequence number, and the sub-sequence number inside an aggregate.
     */
    static String id(KinesisClientRecord record) {
        return record.aggregated() ? record.sequenceNumber() + "/" + record.subSequenceNumber()
                : record.sequenceNumber();
    }

    int size() {
        return records.size();
    }

    KinesisClientRecord get(int position) {
        return records.get(position);
    }

    /** The position of the record an outcome names. */
    int position(String id) {
        Integer position = positions.get(id);
        if (position == null) {
            throw new IllegalStateException("no record " + id + " on the stream");
        }
        return position;
    }

    /** The last position a checkpoint covers: -1 for none yet, the last record for the shard's end. */
    int coveredBy(ExtendedSequenceNumber checkpoint) {
        if (checkpoint.isShardEnd()) {
            return records.size() - 1;
        }
        if (checkpoint.equals(ExtendedSequenceNumber.TRIM_HORIZON)) {
            return -1;
        }
        for (int i = records.size() - 1; i >= 0; i--) {
            if (FakeCheckpointer.of(records.get(i)).equals(checkpoint)) {
                return i;
            }
        }
        throw new IllegalStateException("a checkpoint at no record of the stream: " + checkpoint);
    }
}
