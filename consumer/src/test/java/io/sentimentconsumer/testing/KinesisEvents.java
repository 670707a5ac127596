package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Kinesis events as the JSON Lambda delivers them (the shape AWS documents for a Kinesis event source),
 * with realistic, increasing sequence numbers.
 */
public final class KinesisEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49590338271490256608559692538361571095921575989136588898");

    private KinesisEvents() {}

    public static String sequenceNumber(int index) {
        return FIRST_SEQUENCE.add(BigInteger.valueOf(index).shiftLeft(20)).toString();
    }

    /** A post's JSON with the given id and content and plausible other fields. */
    public static byte[] post(String id, String content) {
        return PostWriter.bytes(new Post(id, Instant.parse("2026-01-15T12:00:00Z"),
                "user-" + Math.floorMod(id.hashCode(), 100), "someone", content, List.of("test"), List.of(), null,
                12.5, Post.PostType.ORIGINAL));
    }

    /** {@code count} valid posts, {@code post-1} ... with distinct content. */
    public static List<byte[]> posts(int count) {
        List<byte[]> posts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posts.add(post("post-" + i, "Post number " + i + " about the weather, which was fine " + i));
        }
        return posts;
    }

    /** One record of an event: its sequence number, partition key and payload. */
    public record EventRecord(String sequenceNumber, String partitionKey, byte[] data) {}

    /** An event of {@code data}, the i-th record with {@link #sequenceNumber(int) sequenceNumber(i)}. */
    public static String event(List<byte[]> data) {
        return event(data, 0);
    }

    /** An event of {@code data} further along the shard: the i-th record has {@code sequenceNumber(first + i)}. */
    public static String event(List<byte[]> data, int first) {
        List<EventRecord> records = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            records.add(new EventRecord(sequenceNumber(first + i), "user", data.get(i)));
        }
        return eventOf(records);
    }

    /** The event's JSON, every record on shard 0 of stream {@code posts}. */
    public static String eventOf(List<EventRecord> records) {
        return eventOf(records, "shardId-000000000000");
    }

    /** The event's JSON, every record on {@code shardId} of stream {@code posts}, as Lambda delivers one shard's. */
    public static String eventOf(List<EventRecord> records, String shardId) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode out = event.putArray("Records");
        for (EventRecord record : records) {
            ObjectNode eventRecord = out.addObject();
            ObjectNode kinesis = eventRecord.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", record.data());
            kinesis.put("approximateArrivalTimestamp", 1768482377.682);
            eventRecord.put("eventSource", "aws:kinesis");
            eventRecord.put("eventVersion", "1.0");
            eventRecord.put("eventID", shardId + ":" + record.sequenceNumber());
            eventRecord.put("eventName", "aws:kinesis:record");
            eventRecord.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/sentiment-consumer");
            eventRecord.put("awsRegion", "us-east-1");
            eventRecord.put("eventSourceARN", "arn:aws:kinesis:us-east-1:123456789012:stream/posts");
        }
        return event.toString();
    }
}
