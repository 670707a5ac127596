package io.sentimentconsumer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.generate.SyntheticPosts.SyntheticPost;
import io.sentimentconsumer.generate.TestEvents.Entry;
import io.sentimentconsumer.generate.TestEvents.Kind;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.testing.EventRecords;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class TestEventsTest {

    /** What {@link PostDecoder} should say about each invalid kind (the start of its reason). */
    static final Map<Kind, String> REASONS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.NOT_UTF8, "data is not UTF-8"),
            Map.entry(Kind.NOT_JSON, "data is not JSON"),
            Map.entry(Kind.TRUNCATED_JSON, "data is not JSON"),
            Map.entry(Kind.JSON_ARRAY, "JSON is an array, not an object"),
            Map.entry(Kind.JSON_STRING, "JSON is a string, not an object"),
            Map.entry(Kind.JSON_NUMBER, "JSON is a number, not an object"),
            Map.entry(Kind.NO_CONTENT, "content is missing"),
            Map.entry(Kind.CONTENT_NULL, "content is missing"),
            Map.entry(Kind.CONTENT_NUMBER, "content is a number, not a string"),
            Map.entry(Kind.CONTENT_BLANK, "content is blank"),
            Map.entry(Kind.EMPTY, "data is empty")));

    @Test
    void recordsHaveExactlyTheFieldsLambdaSendsInItsOrder() {
        List<SyntheticPost> posts = new SyntheticPosts(1).next(5);
        String json = new TestEvents(1).kinesisEventOfPosts(posts);
        EventRecords event = EventRecords.parse(json);

        assertThat(fieldNames(event.event())).containsExactly("Records");
        assertThat(event.records()).hasSize(5);
        for (int i = 0; i < posts.size(); i++) {
            EventRecords.Kinesis record = event.records().get(i);
            JsonNode node = record.record();
            assertThat(fieldNames(node)).containsExactly("kinesis", "eventSource", "eventVersion", "eventID",
                    "eventName", "invokeIdentityArn", "awsRegion", "eventSourceARN");
            assertThat(fieldNames(node.get("kinesis"))).containsExactly("kinesisSchemaVersion", "partitionKey",
                    "sequenceNumber", "data", "approximateArrivalTimestamp");
            assertThat(node.at("/kinesis/kinesisSchemaVersion").asText()).isEqualTo("1.0");
            assertThat(node.get("eventSource").asText()).isEqualTo("aws:kinesis");
            assertThat(node.get("eventVersion").asText()).isEqualTo("1.0");
            assertThat(node.get("eventID").asText()).isEqualTo("shardId-000000000000:" + record.sequenceNumber());
            assertThat(node.get("eventName").asText()).isEqualTo("aws:kinesis:record");
            assertThat(node.get("invokeIdentityArn").asText())
                    .isEqualTo("arn:aws:iam::123456789012:role/sentiment-consumer");
            assertThat(node.get("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(node.get("eventSourceARN").asText())
                    .isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/social-media-posts");
            assertThat(node.at("/kinesis/approximateArrivalTimestamp").isNumber()).isTrue();

            assertThat(record.partitionKey()).isEqualTo(posts.get(i).post().userId());
            assertThat(record.data()).isEqualTo(posts.get(i).toBytes());
            assertThat(Base64.getEncoder().encodeToString(record.data())).isEqualTo(record.base64());
            BigDecimal sent = BigDecimal.valueOf(posts.get(i).post().timestamp().toEpochMilli(), 3);
            assertThat(record.arrival()).isGreaterThan(sent).isLessThan(sent.add(BigDecimal.ONE));
        }
    }

    @Test
    void theEventIsPrettyPrintedWithTwoSpacesAndATrailingNewline() {
        String json = new TestEvents(1).kinesisEventOfPosts(new SyntheticPosts(1).next(3));

        assertThat(json).startsWith("{\n  \"Records\": [\n    {\n      \"kinesis\": {\n"
                        + "        \"kinesisSchemaVersion\": \"1.0\",\n")
                .endsWith("\n    }\n  ]\n}\n")
                .doesNotContain("\r", "\t", " : ")
                .containsPattern("\n        \"approximateArrivalTimestamp\": \\d{10}\\.\\d{3}\n");
        assertThat(json.lines().filter(line -> line.contains("approximateArrivalTimestamp")))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).matches(" {8}\"approximateArrivalTimestamp\": \\d{10}\\.\\d{3}"));
    }

    @Test
    void sequenceNumbersLookRealAndIncreaseAcrossEventsOfOneShard() {
        TestEvents shard = new TestEvents(5);
        SyntheticPosts posts = new SyntheticPosts(5);
        List<String> sequenceNumbers = new ArrayList<>();
        List<BigDecimal> arrivals = new ArrayList<>();
        for (int event = 0; event < 3; event++) {
            for (EventRecords.Kinesis record : EventRecords.parse(shard.kinesisEventOfPosts(posts.next(100)))
                    .records()) {
                sequenceNumbers.add(record.sequenceNumber());
                arrivals.add(record.arrival());
            }
        }
        assertThat(sequenceNumbers).hasSize(300).allSatisfy(number -> assertThat(number).matches("4959\\d{52}"));
        for (int i = 1; i < sequenceNumbers.size(); i++) {
            assertThat(new BigInteger(sequenceNumbers.get(i)))
                    .isGreaterThan(new BigInteger(sequenceNumbers.get(i - 1)));
            assertThat(arrivals.get(i)).isGreaterThan(arrivals.get(i - 1));
        }
    }

    @Test
    void arrivalsNeverGoBackEvenWhenSendTimesDo() {
        SyntheticPost post = new SyntheticPosts(3).next();
        Entry entry = Entry.of(post.post());
        List<EventRecords.Kinesis> records =
                EventRecords.parse(new TestEvents(3).kinesisEvent(List.of(entry, entry, entry))).records();

        assertThat(records.get(1).arrival()).isGreaterThan(records.get(0).arrival());
        assertThat(records.get(2).arrival()).isGreaterThan(records.get(1).arrival());
    }

    @Test
    void theSameSeedGivesTheSameEventAndAnotherSeedAnother() {
        List<SyntheticPost> posts = new SyntheticPosts(1).next(10);

        String first = new TestEvents(11).kinesisEventOfPosts(posts);

        assertThat(new TestEvents(11).kinesisEventOfPosts(posts)).isEqualTo(first);
        assertThat(new TestEvents(12).kinesisEventOfPosts(posts)).isNotEqualTo(first);
    }

    @Test
    void theMixedBatchHoldsOneRecordOfEachInvalidKindAndTheValidOnesDecode() {
        assertThat(TestEvents.MIXED_BATCH).hasSize(20);
        assertThat(EnumSet.copyOf(TestEvents.MIXED_BATCH)).isEqualTo(EnumSet.allOf(Kind.class));
        assertThat(TestEvents.MIXED_BATCH.stream().filter(kind -> kind != Kind.VALID)).doesNotHaveDuplicates();

        List<Entry> entries = TestEvents.mixedBatch(new SyntheticPosts(8));
        assertThat(entries).hasSize(TestEvents.MIXED_BATCH.size());
        assertDecodesAsIntended(entries.stream().map(Entry::data).toList());

        assertThat(entries.get(TestEvents.MIXED_BATCH.indexOf(Kind.NOT_UTF8)).data())
                .containsSequence((byte) 0xC3, (byte) 0x28);
        assertThat(entries.get(TestEvents.MIXED_BATCH.indexOf(Kind.VALID_WITH_BOM)).data())
                .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(entries.get(TestEvents.MIXED_BATCH.indexOf(Kind.EMPTY)).data()).isEmpty();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.partitionKey()).matches("user-\\d{4}"));
    }

    /** Each record decodes as its kind in {@link TestEvents#MIXED_BATCH} says, with the expected reason. */
    public static void assertDecodesAsIntended(List<byte[]> data) {
        PostDecoder decoder = new PostDecoder();
        assertThat(data).hasSize(TestEvents.MIXED_BATCH.size());
        int invalid = 0;
        for (int i = 0; i < data.size(); i++) {
            Kind kind = TestEvents.MIXED_BATCH.get(i);
            DecodedRecord decoded = decoder.decode(data.get(i));
            if (kind.valid()) {
                assertThat(decoded).as("record %d (%s)", i, kind).isInstanceOf(DecodedRecord.Valid.class);
                String content = ((DecodedRecord.Valid) decoded).post().content();
                if (kind == Kind.VALID_LONG) {
                    assertThat(content.codePointCount(0, content.length())).isGreaterThan(1000);
                    assertThat(content).contains("\n", "\t");
                }
            } else {
                invalid++;
                assertThat(decoded).as("record %d (%s)", i, kind).isInstanceOf(DecodedRecord.Invalid.class);
                assertThat(((DecodedRecord.Invalid) decoded).reason()).as("record %d (%s)", i, kind)
                        .startsWith(REASONS.get(kind));
            }
        }
        assertThat(invalid).isEqualTo(11).isEqualTo(REASONS.size());
        assertThat(new String(data.get(TestEvents.MIXED_BATCH.indexOf(Kind.VALID_WITH_EXTRA_FIELDS)),
                StandardCharsets.UTF_8)).contains("\"lang\":\"en\"", "\"metrics\":{");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
