package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.ingest.RecordOrigin;
import io.sentimentconsumer.lambda.KinesisEventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaTestEventTest {

    @TempDir
    Path dir;

    @Test
    void anEventFileReachesTheHandlerByteForByte() throws IOException {
        Path event = Path.of("..", "test-events", "kinesis-25.json");

        assertThat(LambdaTestEvent.read(event)).isEqualTo(Files.readAllBytes(event));
    }

    /** The stream path rejects invalid UTF-8 ("data is not UTF-8"): JSON Lines must reach the decoder unchanged. */
    @Test
    void jsonLinesKeepEachLinesBytesExactlyInvalidUtf8Included() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"id\":\"a\",\"content\":\"fine\"}\r\n\n".getBytes(StandardCharsets.UTF_8));
        byte[] broken = {'{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        bytes.writeBytes(broken);
        bytes.write('\n');
        Path file = dir.resolve("posts.jsonl");
        Files.write(file, bytes.toByteArray());

        List<KinesisEventJson.Record> records = LambdaTestEvent.records(file);

        assertThat(records).extracting(KinesisEventJson.Record::sequenceNumber).containsExactly("1", "3");
        assertThat(new String(records.get(0).data(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"a\",\"content\":\"fine\"}");
        assertThat(records.get(1).data()).isEqualTo(broken);
    }

    /** JSON Lines come from no stream: their results rows name a documented placeholder and the file's time. */
    @Test
    void jsonLinesPlayStreamReplayOnOneShardArrivingWhenTheFileWasLastModified() throws IOException {
        Path file = dir.resolve("posts.jsonl");
        Files.writeString(file, "{\"content\":\"one\"}\n{\"content\":\"two\"}\n");
        Instant modified = Instant.parse("2026-11-30T23:59:59Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));

        List<KinesisEventJson.Record> records = LambdaTestEvent.records(file);

        assertThat(records).extracting(r -> r.toInput().origin()).containsExactly(
                RecordOrigin.of("replay", "shardId-000000000000", "1", modified),
                RecordOrigin.of("replay", "shardId-000000000000", "2", modified));
    }
}
