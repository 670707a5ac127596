package io.sentimentconsumer.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds Kinesis events the way Lambda delivers them, with realistic, increasing sequence numbers. */
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
        ObjectNode post = JSON.createObjectNode();
        post.put("id", id);
        post.put("timestamp", "2026-01-15T12:00:00Z");
        post.put("user_id", "user-" + Math.floorMod(id.hashCode(), 100));
        post.put("username", "someone");
        post.put("content", content);
        post.putArray("hashtags").add("test");
        post.putArray("mentions");
        post.putNull("location");
        post.put("engagement_score", 12.5);
        post.put("post_type", "original");
        return post.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} valid posts, {@code post-1} ... with distinct content. */
    public static List<byte[]> posts(int count) {
        List<byte[]> posts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posts.add(post("post-" + i, "Post number " + i + " about the weather, which was fine " + i));
        }
        return posts;
    }

    public static KinesisEvent event(List<byte[]> data) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setSequenceNumber(sequenceNumber(i));
            kinesis.setPartitionKey("user");
            kinesis.setData(ByteBuffer.wrap(data.get(i)));
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            record.setEventSource("aws:kinesis");
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }
}
