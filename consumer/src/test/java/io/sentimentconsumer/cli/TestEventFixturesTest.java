package io.sentimentconsumer.cli;

import static io.sentimentconsumer.cli.GenerateTestEventsCommandTest.FILES;
import static io.sentimentconsumer.cli.GenerateTestEventsCommandTest.listing;
import static io.sentimentconsumer.cli.GenerateTestEventsCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.generate.TestEventsTest;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostWriter;
import io.sentimentconsumer.testing.EventRecords;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files committed in {@code test-events/}: what the generator makes now, and what the consumer makes of them. */
class TestEventFixturesTest {

    private static final String REGENERATE =
            "if the generator changed on purpose, regenerate the fixtures with `java -jar "
                    + "consumer/target/sentiment-consumer.jar generate-test-events --out test-events` and commit them";

    @TempDir
    Path temp;

    @Test
    void theCommittedFixturesAreWhatTheGeneratorMakesNow() throws IOException {
        Path committed = committedFixtures();
        assertThat(run("--out", temp.toString()).exitCode()).isZero();

        assertThat(listing(committed)).as("files in %s", committed)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(FILES.stream(), Stream.of("README.md")).toList());
        for (String file : FILES) {
            byte[] expected = Files.readAllBytes(temp.resolve(file));
            byte[] actual = Files.readAllBytes(committed.resolve(file));
            if (!Arrays.equals(actual, expected)) {
                throw new AssertionError(firstDifference(file, actual, expected) + System.lineSeparator() + REGENERATE);
            }
        }
    }

    /** Where a committed file first departs from the generated one, by line, so the failure stays short. */
    private static String firstDifference(String file, byte[] actual, byte[] expected) {
        List<String> was = new String(actual, StandardCharsets.UTF_8).lines().toList();
        List<String> now = new String(expected, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
            if (!was.get(i).equals(now.get(i))) {
                return String.format("test-events/%s differs from the generator's output at line %d:%n"
                        + "  committed: %.200s%n  generated: %.200s", file, i + 1, was.get(i), now.get(i));
            }
        }
        return String.format("test-events/%s has %d lines (%d bytes), the generator's output %d lines (%d bytes)",
                file, was.size(), actual.length, now.size(), expected.length);
    }

    @Test
    void theCommittedEventsHoldValidPostsWhereIntendedAndIncreasingSequenceNumbers() throws IOException {
        Path committed = committedFixtures();
        PostDecoder decoder = new PostDecoder();
        List<BigInteger> sequenceNumbers = new ArrayList<>();
        Set<String> ids = new HashSet<>();

        for (String file : List.of("kinesis-25.json", "kinesis-150.json", "kinesis-malformed.json")) {
            String json = Files.readString(committed.resolve(file), StandardCharsets.UTF_8);
            assertThat(json).endsWith("}\n").doesNotContain("\r");
            List<EventRecords.Kinesis> records = EventRecords.parse(json).records();
            for (EventRecords.Kinesis record : records) {
                sequenceNumbers.add(new BigInteger(record.sequenceNumber()));
                assertThat(record.sequenceNumber()).hasSize(56);
                assertThat(Base64.getEncoder().encodeToString(record.data())).isEqualTo(record.base64());
            }
            List<byte[]> data = records.stream().map(EventRecords.Kinesis::data).toList();
            if (file.equals("kinesis-malformed.json")) {
                TestEventsTest.assertDecodesAsIntended(data);
            } else {
                assertThat(records).hasSize(file.equals("kinesis-25.json") ? 25 : 150);
                for (byte[] bytes : data) {
                    DecodedRecord decoded = decoder.decode(bytes);
                    assertThat(decoded).as(file).isInstanceOf(DecodedRecord.Valid.class);
                    assertThat(ids.add(((DecodedRecord.Valid) decoded).post().id())).isTrue();
                }
            }
        }
        for (int i = 1; i < sequenceNumbers.size(); i++) {
            assertThat(sequenceNumbers.get(i)).isGreaterThan(sequenceNumbers.get(i - 1));
        }
    }

    @Test
    void theCommittedJsonLinesHoldFiftyValidPosts() throws IOException {
        String text = Files.readString(committedFixtures().resolve("posts.jsonl"), StandardCharsets.UTF_8);
        PostDecoder decoder = new PostDecoder();

        assertThat(text).endsWith("}\n").doesNotContain("\r", "\n\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(50).allSatisfy(line -> {
            assertThat(line).startsWith("{\"id\":\"post-").endsWith("}");
            assertThat(decoder.decode(line.getBytes(StandardCharsets.UTF_8))).isInstanceOf(DecodedRecord.Valid.class);
        });
    }

    /** Every valid post in the fixtures is in the form {@link PostWriter} writes: decoded and written back, the same bytes. */
    @Test
    void theCommittedPostsAreWhatPostWriterWritesOfWhatPostDecoderReads() throws IOException {
        Path committed = committedFixtures();
        PostDecoder decoder = new PostDecoder();
        List<byte[]> posts = new ArrayList<>();
        for (String file : List.of("kinesis-25.json", "kinesis-150.json")) {
            EventRecords.parse(Files.readString(committed.resolve(file), StandardCharsets.UTF_8)).records()
                    .forEach(record -> posts.add(record.data()));
        }
        Files.readString(committed.resolve("posts.jsonl"), StandardCharsets.UTF_8).lines()
                .forEach(line -> posts.add(line.getBytes(StandardCharsets.UTF_8)));

        assertThat(posts).hasSize(225).allSatisfy(data -> assertThat(
                PostWriter.bytes(((DecodedRecord.Valid) decoder.decode(data)).post())).isEqualTo(data));
    }

    /** {@code test-events/} of the repository: the nearest one above the working directory. */
    private static Path committedFixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("test-events");
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new AssertionError("no test-events/ directory above " + Path.of("").toAbsolutePath());
    }
}
