package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Record;

/** {@code produce} as a process against kinesis-local: what lands on the stream is exactly what was read. */
class ProduceIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static KinesisLocal kinesis;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse(KinesisLocal.skipped(), "SKIP_KINESIS_LOCAL_TESTS=true");
        kinesis = KinesisLocal.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kinesis != null) {
            kinesis.close();
        }
    }

    private static List<Record> produceAndReadBack(String stream, String... source) throws Exception {
        kinesis.createStream(stream, 2);
        String[] args = new String[source.length + 3];
        args[0] = "produce";
        args[1] = "--stream";
        args[2] = stream;
        System.arraycopy(source, 0, args, 3, source.length);
        try (CliProcess produce = CliProcess.run(Duration.ofMinutes(1),
                Map.of("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint()), args)) {
            assertThat(produce.exitCode()).as(produce.stderr()).isZero();
            assertThat(produce.stdout()).containsPattern("sent \\d+, failed 0, retries 0, [\\d.]+ records/s, "
                    + "[\\d.]+ MB/s");
            assertThat(produce.stderr()).contains("(100%)");
        }
        return kinesis.readAll(stream).values().stream().flatMap(List::stream).toList();
    }

    @Test
    void putsGeneratedPostsKeyedByUserId() throws Exception {
        List<Record> records = produceAndReadBack("generated", "--generate", "300", "--seed", "11");

        List<SyntheticPosts.SyntheticPost> posts = new SyntheticPosts(11).next(300);
        assertThat(records).hasSize(300);
        assertThat(records).extracting(r -> r.partitionKey() + " " + r.data().asUtf8String())
                .containsExactlyInAnyOrderElementsOf(posts.stream().map(p -> p.post().userId() + " " + p.toJson()).toList());
    }

    @Test
    void putsEveryRecordOfALambdaEventFileMalformedOnesIncluded() throws Exception {
        List<Record> records = produceAndReadBack("from-file",
                ROOT.resolve("test-events/kinesis-malformed.json").toString());

        List<StreamProducer.Entry> expected = ProduceCommand.fromFile(ROOT.resolve("test-events/kinesis-malformed.json"));
        assertThat(records).extracting(r -> r.partitionKey() + " " + java.util.Arrays.toString(r.data().asByteArray()))
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(e -> e.partitionKey() + " " + java.util.Arrays.toString(e.data())).toList());
    }
}
