package io.sentimentconsumer.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.ingest.RecordOrigin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisEventJsonTest {

    private static final Path EVENTS = Path.of("..", "test-events");

    private static List<KinesisEventJson.Record> read(String json) throws IOException {
        return KinesisEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryRecordOfTheCommittedEventWithItsIdentityAndPayload() throws IOException {
        List<KinesisEventJson.Record> records;
        try (var in = Files.newInputStream(EVENTS.resolve("kinesis-malformed.json"))) {
            records = KinesisEventJson.read(in);
        }

        assertThat(records).hasSize(20);
        KinesisEventJson.Record first = records.get(0);
        assertThat(first.sequenceNumber()).isEqualTo("49599511622534791251916777407968447014307661595258591560");
        assertThat(first.partitionKey()).isEqualTo("user-4769");
        assertThat(first.eventId())
                .isEqualTo("shardId-000000000000:49599511622534791251916777407968447014307661595258591560");
        assertThat(first.eventSourceArn()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/social-media-posts");
        assertThat(new String(first.data(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"post-000176\"");
        // Record 1 carries the bytes 0xC3 0x28 (not UTF-8) and record 15 zero bytes: both arrive as they are.
        assertThat(records.get(1).data()).containsSequence((byte) 0xC3, (byte) 0x28);
        assertThat(records.get(15).data()).isEmpty();
    }

    @Test
    void aRecordsOriginIsItsStreamShardSequenceNumberAndArrivalAsTheEventSaysThem() throws IOException {
        KinesisEventJson.Record first;
        try (var in = Files.newInputStream(EVENTS.resolve("kinesis-150.json"))) {
            first = KinesisEventJson.read(in).get(0);
        }

        // "approximateArrivalTimestamp": 1768478986.351, seconds since the epoch
        assertThat(first.toInput().origin()).isEqualTo(RecordOrigin.of("social-media-posts", "shardId-000000000000",
                "49599511622534791251916777407968087094228873894226144262",
                Instant.parse("2026-01-15T12:09:46.351Z")));
        assertThat(first.toInput().source())
                .isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/social-media-posts/shardId-000000000000");
    }

    @Test
    void anEventWrittenAgainKeepsItsArrivalTimesSoARedeliveryPartitionsAsTheFirstDelivery() throws IOException {
        List<KinesisEventJson.Record> records;
        try (var in = Files.newInputStream(EVENTS.resolve("kinesis-150.json"))) {
            records = KinesisEventJson.read(in);
        }

        List<KinesisEventJson.Record> again = KinesisEventJson.read(new ByteArrayInputStream(
                KinesisEventJson.write(records.subList(50, 150))));

        assertThat(again).extracting(r -> r.toInput().origin())
                .containsExactlyElementsOf(records.subList(50, 150).stream().map(r -> r.toInput().origin()).toList());
    }

    @Test
    void aHandMadeRecordWithoutArrivalOrSourceHasNoOrigin() throws IOException {
        List<KinesisEventJson.Record> records = read("{\"Records\":[{\"kinesis\":{\"sequenceNumber\":\"7\","
                + "\"data\":\"e30=\"},\"eventID\":\"shardId-000000000000:7\",\"eventSourceARN\":"
                + "\"arn:aws:kinesis:us-east-1:123456789012:stream/posts\"}]}");

        assertThat(records.get(0).toInput().origin()).isNull();
        assertThat(records.get(0).toInput().source()).isNotNull();
    }

    @Test
    void anEmptyBatchIsNoRecords() throws IOException {
        assertThat(read("{\"Records\":[]}")).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAKinesisEventNamesTheFix() {
        assertThatThrownBy(() -> read("{\"hello\":\"world\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no \"Records\" array").hasMessageContaining("Kinesis event source mapping");
        assertThatThrownBy(() -> read("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Kinesis event");
        assertThatThrownBy(() -> read("{\"Records\":[]} {}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordWithoutSequenceNumberOrWithDataThatIsNotBase64IsNamed() {
        assertThatThrownBy(() -> read("{\"Records\":[{\"kinesis\":{\"data\":\"e30=\"}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Record 0")
                .hasMessageContaining("sequenceNumber");
        assertThatThrownBy(() -> read("{\"Records\":[{\"kinesis\":{\"sequenceNumber\":\"7\",\"data\":\"%%%\"}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence number 7")
                .hasMessageContaining("not base64");
    }

    @Test
    void theResponseIsTheDocumentedPartialBatchShape() {
        assertThat(new BatchResponse(List.of()).toJson()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(new BatchResponse(List.of("1", "2")).toJson())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"},{\"itemIdentifier\":\"2\"}]}");
    }

    @Test
    void aResponseReadsBackAsTheMappingReadsIt() throws IOException {
        byte[] documented = "{\"batchItemFailures\":[{\"itemIdentifier\":\"7\"},{\"itemIdentifier\":\"9\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(BatchResponse.read(documented).itemIdentifiers()).containsExactly("7", "9");
        assertThatThrownBy(() -> BatchResponse.read("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
