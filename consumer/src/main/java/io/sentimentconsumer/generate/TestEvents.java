package io.sentimentconsumer.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.generate.SyntheticPosts.SyntheticPost;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Lambda Kinesis events in the shape Lambda sends them, for {@code sam local invoke}, the console's test events
 * and fixtures. One instance plays one shard: sequence numbers (56-digit decimals, like real ones) and arrival
 * times keep increasing across every event it writes, and both depend on the seed alone.
 */
public final class TestEvents {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String SHARD_ID = "shardId-000000000000";
    public static final String STREAM_ARN = "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/social-media-posts";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/sentiment-consumer";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** Two-space indentation, {@code "key": value}, arrays one element a line, '\n' whatever the platform. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(
                    new Separators().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final BigInteger MIN_STEP = BigInteger.TEN.pow(20);

    /**
     * One record to put in an event: what a producer sent ({@code PutRecord}'s partition key and data) and when.
     * The array is owned by the entry.
     */
    public record Entry(String partitionKey, byte[] data, Instant sentAt) {
        public Entry {
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        /** A post as a producer sends it: keyed by its user, its JSON as data, sent at its timestamp. */
        public static Entry of(Post post) {
            return new Entry(post.userId(), PostWriter.bytes(post), post.timestamp());
        }
    }

    private final Random random;
    private BigInteger sequenceNumber;
    private Instant lastArrival = Instant.EPOCH;

    public TestEvents(long seed) {
        this.random = new Random(seed);
        StringBuilder digits = new StringBuilder("4959");
        for (int i = 0; i < 52; i++) {
            digits.append(random.nextInt(10));
        }
        this.sequenceNumber = new BigInteger(digits.toString());
    }

    /** A Kinesis event of posts, in order. */
    public String kinesisEventOfPosts(List<SyntheticPost> posts) {
        return kinesisEvent(posts.stream().map(post -> Entry.of(post.post())).toList());
    }

    /**
     * A Kinesis event with one record an entry, in order, pretty-printed with a trailing newline. Each record
     * gets the next sequence number and arrives 50 to 950 ms after it was sent (never before the previous one).
     */
    public String kinesisEvent(List<Entry> entries) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Entry entry : entries) {
            String sequence = nextSequenceNumber();
            Instant arrival = entry.sentAt().plusMillis(50 + random.nextInt(901));
            if (!arrival.isAfter(lastArrival)) {
                arrival = lastArrival.plusMillis(1);
            }
            lastArrival = arrival;

            ObjectNode record = records.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", entry.partitionKey());
            kinesis.put("sequenceNumber", sequence);
            kinesis.put("data", Base64.getEncoder().encodeToString(entry.data()));
            kinesis.put("approximateArrivalTimestamp", BigDecimal.valueOf(arrival.toEpochMilli(), 3));
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", SHARD_ID + ":" + sequence);
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", ROLE_ARN);
            record.put("awsRegion", REGION);
            record.put("eventSourceARN", STREAM_ARN);
        }
        try {
            return PRETTY.writeValueAsString(event) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String nextSequenceNumber() {
        // Real numbers within a shard grow by large, uneven steps; steps of at most ~5e21 from ~5e55 keep
        // 56 digits for far more records than any fixture holds.
        BigInteger step = MIN_STEP.multiply(BigInteger.valueOf(1 + random.nextInt(50)))
                .add(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE));
        sequenceNumber = sequenceNumber.add(step);
        return sequenceNumber.toString();
    }

    /** The kinds of record in {@link #mixedBatch}, in their order there. */
    public enum Kind {
        VALID(true),
        NOT_UTF8(false),
        NOT_JSON(false),
        TRUNCATED_JSON(false),
        JSON_ARRAY(false),
        VALID_WITH_BOM(true),
        JSON_STRING(false),
        JSON_NUMBER(false),
        NO_CONTENT(false),
        CONTENT_NULL(false),
        CONTENT_NUMBER(false),
        VALID_WITH_EXTRA_FIELDS(true),
        CONTENT_BLANK(false),
        EMPTY(false),
        VALID_LONG(true);

        private final boolean valid;

        Kind(boolean valid) {
            this.valid = valid;
        }

        /** Whether the consumer should accept a record of this kind as a post. */
        public boolean valid() {
            return valid;
        }
    }

    /**
     * The order of {@link #mixedBatch}: 20 records, 9 valid and 11 invalid, one of each invalid kind.
     *
     * <pre>
     *  0 VALID                     10 CONTENT_NULL        {"content": null}
     *  1 NOT_UTF8  0xC3 0x28       11 VALID
     *  2 VALID                     12 CONTENT_NUMBER      {"content": 12345}
     *  3 NOT_JSON  "hello world"   13 VALID_WITH_EXTRA_FIELDS
     *  4 TRUNCATED_JSON            14 CONTENT_BLANK       {"content": "   "}
     *  5 JSON_ARRAY  [post]        15 EMPTY               zero bytes
     *  6 VALID_WITH_BOM            16 VALID_LONG          over 1,000 characters, newlines and tabs
     *  7 JSON_STRING "{\"id\"…"    17 VALID
     *  8 JSON_NUMBER 42            18 VALID
     *  9 NO_CONTENT  ("text")      19 VALID
     * </pre>
     */
    public static final List<Kind> MIXED_BATCH = List.of(
            Kind.VALID, Kind.NOT_UTF8, Kind.VALID, Kind.NOT_JSON, Kind.TRUNCATED_JSON,
            Kind.JSON_ARRAY, Kind.VALID_WITH_BOM, Kind.JSON_STRING, Kind.JSON_NUMBER, Kind.NO_CONTENT,
            Kind.CONTENT_NULL, Kind.VALID, Kind.CONTENT_NUMBER, Kind.VALID_WITH_EXTRA_FIELDS, Kind.CONTENT_BLANK,
            Kind.EMPTY, Kind.VALID_LONG, Kind.VALID, Kind.VALID, Kind.VALID);

    /**
     * Records of the kinds in {@link #MIXED_BATCH}, in that order: each is built from the next post of
     * {@code posts} (its user is the partition key, its timestamp the send time), so the broken ones look like
     * what buggy producers send: a post with a Latin-1 byte, cut short, wrapped in an array, encoded twice, with
     * {@code content} renamed, nulled, a number or blank.
     */
    public static List<Entry> mixedBatch(SyntheticPosts posts) {
        List<Entry> entries = new ArrayList<>(MIXED_BATCH.size());
        for (Kind kind : MIXED_BATCH) {
            Post post = (kind == Kind.VALID_LONG ? posts.nextLong() : posts.next()).post();
            entries.add(new Entry(post.userId(), data(kind, post), post.timestamp()));
        }
        return entries;
    }

    private static byte[] data(Kind kind, Post post) {
        String json = PostWriter.json(post);
        return switch (kind) {
            case VALID, VALID_LONG -> utf8(json);
            case NOT_UTF8 -> {
                int at = json.indexOf("\"content\":\"") + "\"content\":\"".length();
                yield concat(utf8(json.substring(0, at)), new byte[] {(byte) 0xC3, 0x28}, utf8(json.substring(at)));
            }
            case NOT_JSON -> utf8("hello world");
            case TRUNCATED_JSON -> {
                int cut = json.length() / 2;
                if (Character.isLowSurrogate(json.charAt(cut))) {
                    cut--;
                }
                yield utf8(json.substring(0, cut));
            }
            case JSON_ARRAY -> utf8("[" + json + "]");
            case VALID_WITH_BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json));
            case JSON_STRING -> utf8(quoted(json));
            case JSON_NUMBER -> utf8("42");
            case NO_CONTENT -> {
                ObjectNode node = PostWriter.node(post);
                node.set("text", node.remove("content"));
                yield utf8(PostWriter.json(node));
            }
            case CONTENT_NULL -> utf8(PostWriter.json(PostWriter.node(post).putNull("content")));
            case CONTENT_NUMBER -> utf8(PostWriter.json(PostWriter.node(post).put("content", 12345)));
            case CONTENT_BLANK -> utf8(PostWriter.json(PostWriter.node(post).put("content", "   ")));
            case EMPTY -> new byte[0];
            case VALID_WITH_EXTRA_FIELDS -> {
                ObjectNode node = PostWriter.node(post);
                node.put("lang", "en");
                node.put("source", "mobile-app");
                node.put("edited", false);
                ObjectNode metrics = node.putObject("metrics");
                metrics.put("likes", 128);
                metrics.put("reposts", 17);
                yield utf8(PostWriter.json(node));
            }
        };
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
