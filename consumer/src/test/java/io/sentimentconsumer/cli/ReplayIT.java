package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.ProducerFormats;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.ResultRows;
import io.sentimentconsumer.testing.S3Mock;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, run as a user runs it: the built jar in its own process. */
class ReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("consumer.jar"));

    private record Run(int exitCode, List<String> stdout, String stderr) {
        String lastLine() {
            return stdout.get(stdout.size() - 1);
        }

        List<JsonNode> emfDocuments() throws IOException {
            List<JsonNode> documents = new ArrayList<>();
            for (String line : stdout.subList(0, stdout.size() - 1)) {
                documents.add(JSON.readTree(line));
            }
            return documents;
        }
    }

    private static Run replay(Map<String, String> env, String... args) throws Exception {
        return replay(List.of(), env, args);
    }

    private static Run replay(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "replay"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BEDROCK_")
                || k.startsWith("METRICS_") || List.of("BATCH_SIZE", "ENVIRONMENT", "MAX_POST_CHARS",
                        "PRICE_TABLE_FILE").contains(k));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        File stdout = File.createTempFile("replay", ".out");
        File stderr = File.createTempFile("replay", ".err");
        Process process = builder.redirectOutput(stdout).redirectError(stderr).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("replay finished").isTrue();
        Run run = new Run(process.exitValue(), Files.readAllLines(stdout.toPath(), StandardCharsets.UTF_8),
                Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
        stdout.delete();
        stderr.delete();
        return run;
    }

    /**
     * {@code --results-sink s3} writes the event's rows through the endpoint the SDK finds in
     * {@code AWS_ENDPOINT_URL_S3}; a bucket that does not exist hands every record back, with the reason on stderr.
     */
    @Test
    void writesTheEventsResultsToTheBucketTheOptionsName() throws Exception {
        S3Mock s3 = S3Mock.shared();
        s3.createBucket("replay-results");
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(), "AWS_ACCESS_KEY_ID", "test-access-key",
                "AWS_SECRET_ACCESS_KEY", "test-secret-key", "AWS_REGION", "us-east-1");

        Run run = replay(env, "test-events/kinesis-150.json", "--metrics", "none", "--results-sink", "s3",
                "--results-bucket", "replay-results");
        Run missing = replay(env, "test-events/kinesis-150.json", "--metrics", "none", "--results-sink", "s3",
                "--results-bucket", "replay-results-missing");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lastLine()).isEqualTo("{\"batchItemFailures\":[]}");
        Map<String, byte[]> objects = s3.objects("replay-results");
        assertThat(objects.keySet()).hasSize(2).allSatisfy(key -> assertThat(key)
                .contains("/dt=2026-01-15/hour=12/social-media-posts/shardId-000000000000/"));
        assertThat(ResultRows.of(objects, Dataset.POSTS)).hasSize(150)
                .allSatisfy(row -> assertThat(row.path("text").isNull()).isTrue());
        assertThat(missing.exitCode()).as(missing.stderr()).isZero();
        assertThat(JSON.readTree(missing.lastLine()).path("batchItemFailures")).hasSize(150);
        assertThat(missing.stderr()).contains("Results not written").contains("replay-results-missing");
    }

    @Test
    void refusesTheS3SinkWithoutABucketAndSaysWhichSettingIsMissing() throws Exception {
        Run run = replay(Map.of(), "test-events/kinesis-25.json", "--results-sink", "s3");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("RESULTS_SINK=s3 needs the bucket to write to: set RESULTS_BUCKET");
    }

    @Test
    void scoresTheEventSourceMappingsBatchOfflineWithoutAnAwsAccount() throws Exception {
        // The README's first command. The offline engine's estimates are priced as Nova Micro in the Region calls
        // would be billed in.
        Run run = replay(Map.of(), "test-events/kinesis-150.json", "--region", "us-east-1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lastLine()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(run.stderr()).contains("offline lexicon engine")
                .containsPattern("Lambda invocation token summary \\(estimated\\): Total tokens: \\d+ "
                        + "\\(Input: \\d+, Output: \\d+\\), API calls: 6, Posts analyzed: 150, "
                        + "Avg tokens/post: \\d+\\.\\d\\d, Total cost: \\$0\\.\\d{6}");
        assertThat(run.stderr().lines().filter(l -> l.startsWith("Bedrock API token usage (estimated): ")))
                .hasSize(6);
        JsonNode metrics = run.emfDocuments().get(0);
        assertThat(metrics.path("ModelId").asText()).isEqualTo("offline-lexicon");
        assertThat(metrics.path("PositivePosts").asInt() + metrics.path("NegativePosts").asInt()
                + metrics.path("NeutralPosts").asInt()).isEqualTo(150);
    }

    @Test
    void reportsMalformedRecordsAsInvalidAndHandsNothingBack(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.jsonl");

        Run run = replay(Map.of(), "test-events/kinesis-malformed.json", "--metrics", "none",
                "--results", results.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly("{\"batchItemFailures\":[]}");
        List<JsonNode> outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            outcomes.add(JSON.readTree(line));
        }
        long invalid = outcomes.stream().filter(o -> o.path("outcome").asText().equals("invalid")).count();
        assertThat(invalid).isPositive();
        assertThat(run.stderr().lines().filter(l -> l.startsWith("WARN Invalid record "))).hasSize((int) invalid);
        assertThat(outcomes).allMatch(o -> o.path("outcome").asText().matches("scored|invalid"));
    }

    @Test
    void readsJsonLinesOfPosts() throws Exception {
        Run run = replay(Map.of(), "test-events/posts.jsonl", "--batch-size", "10", "--metrics", "none");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly("{\"batchItemFailures\":[]}");
        assertThat(run.stderr()).contains("API calls: 5, Posts analyzed: 50");
    }

    @Test
    void talksToBedrockThroughTheSdksStandardEndpointVariable() throws Exception {
        try (FakeBedrock bedrock = new FakeBedrock()) {
            Run run = replay(Map.of(
                            "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint(),
                            "AWS_REGION", "us-east-1",
                            "AWS_ACCESS_KEY_ID", "test-access-key",
                            "AWS_SECRET_ACCESS_KEY", "test-secret-key"),
                    "test-events/kinesis-25.json", "--model", "us.amazon.nova-micro-v1:0", "--metrics", "none");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).containsExactly("{\"batchItemFailures\":[]}");
            assertThat(bedrock.calls()).singleElement().satisfies(call -> {
                assertThat(call.rawPath()).isEqualTo("/model/us.amazon.nova-micro-v1%3A0/converse");
                assertThat(call.posts()).hasSize(25);
            });
            var billed = bedrock.billed();
            assertThat(run.stderr()).doesNotContain("estimated").contains("Lambda invocation token summary: "
                    + "Total tokens: " + billed.totalTokens() + " (Input: " + billed.inputTokens()
                    + ", Output: " + billed.outputTokens() + "), API calls: 1, Posts analyzed: 25");
        }
    }

    @Test
    void runsLambdasLargestBatchOfTenThousandRecordsInA512MegabyteHeap(@TempDir Path dir) throws Exception {
        Path posts = dir.resolve("posts.jsonl");
        Files.write(posts, SyntheticPosts.jsonLines(10_000, 7).toList());

        Run run = replay(List.of("-Xmx512m"), Map.of(), posts.toString(), "--metrics", "none");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly("{\"batchItemFailures\":[]}");
        assertThat(run.stderr()).contains("API calls: 400, Posts analyzed: 10000").doesNotContain("OutOfMemoryError");
    }

    /**
     * One 410 KB KPL aggregate of 400 gzip posts that each inflate to about a megabyte, all distinct: held whole
     * until the invocation ends they need 400 MB, so in a 256 MB heap the delivery failed and was handed back on
     * every retry. Now a post's text is let go once prepared, and the invocation inflates at most 64 MiB: the posts
     * past that are invalid with the reason, and the delivery completes.
     */
    @Test
    void anAggregateOfCompressionBombsJustUnderTheBoundCompletesInA256MegabyteHeap(@TempDir Path dir)
            throws Exception {
        String content = "a".repeat(1_000_000);
        List<byte[]> users = new ArrayList<>();
        int inflated = 0;
        for (int k = 0; k < 400; k++) {
            byte[] post = KinesisEvents.post("bomb-" + k, content);
            inflated = post.length;
            users.add(ProducerFormats.gzip(post));
        }
        byte[] aggregate = ProducerFormats.kplAggregate(users);
        Path event = dir.resolve("bombs.json");
        Files.writeString(event, KinesisEvents.eventOf(List.of(
                new KinesisEvents.EventRecord(KinesisEvents.sequenceNumber(0), "user", aggregate))));

        Run run = replay(List.of("-Xmx256m"), Map.of(), event.toString(), "--metrics", "none");

        assertThat(aggregate.length).isLessThan(1 << 20);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly("{\"batchItemFailures\":[]}");
        int withinBudget = (int) ((64L << 20) / inflated);
        assertThat(run.stderr()).doesNotContain("OutOfMemoryError")
                .contains("Posts analyzed: " + withinBudget + ",")
                .contains((400 - withinBudget - 20) + " more invalid records");
    }

    /** A warm environment's redelivery, as the event source mapping makes it: no post is billed twice. */
    @Test
    void redeliversFromTheLowestFailureAndBillsEachPostOnce() throws Exception {
        try (FakeBedrock bedrock = new FakeBedrock()) {
            java.util.concurrent.atomic.AtomicReference<String> victim = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicInteger victimAsked = new java.util.concurrent.atomic.AtomicInteger();
            List<String> billed = java.util.Collections.synchronizedList(new ArrayList<>());
            // The first call's first post fails its first call (all four attempts), then is answered.
            bedrock.script(call -> {
                victim.compareAndSet(null, call.posts().get(0));
                if (call.posts().contains(victim.get()) && victimAsked.incrementAndGet() <= 4) {
                    return FakeBedrock.Failure.internal();
                }
                billed.addAll(call.posts());
                return FakeBedrock.scoreAll(call);
            });

            Run run = replay(bedrockEnvironment(bedrock), "test-events/kinesis-25.json", "--model",
                    "amazon.nova-micro-v1:0", "--metrics", "none", "--batch-size", "5", "--concurrency", "4",
                    "--redeliver");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).hasSize(2);
            assertThat(JSON.readTree(run.stdout().get(0)).path("batchItemFailures")).isNotEmpty();
            assertThat(run.lastLine()).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(billed).as("each of the 25 posts billed once").hasSize(25).doesNotHaveDuplicates();
        }
    }

    @Test
    void stopsRedeliveringAfterTheMaximumRetriesWithTheFinalResponseLast() throws Exception {
        try (FakeBedrock bedrock = new FakeBedrock()) {
            java.util.concurrent.atomic.AtomicReference<String> victim = new java.util.concurrent.atomic.AtomicReference<>();
            bedrock.script(call -> {
                victim.compareAndSet(null, call.posts().get(0));
                return call.posts().contains(victim.get()) ? FakeBedrock.Failure.internal()
                        : FakeBedrock.scoreAll(call);
            });

            Run run = replay(bedrockEnvironment(bedrock), "test-events/kinesis-25.json", "--model",
                    "amazon.nova-micro-v1:0", "--metrics", "none", "--batch-size", "5", "--redeliver",
                    "--max-retries", "2");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).as("the first delivery and two retries").hasSize(3)
                    .allSatisfy(line -> assertThat(JSON.readTree(line).path("batchItemFailures")).isNotEmpty());
        }
    }

    private static Map<String, String> bedrockEnvironment(FakeBedrock bedrock) {
        return Map.of("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test-access-key", "AWS_SECRET_ACCESS_KEY", "test-secret-key");
    }

    @Test
    void simulatesLambdasDeadline() throws Exception {
        Run run = replay(Map.of("DEADLINE_MARGIN_MS", "500"), "test-events/kinesis-25.json", "--remaining-ms", "1000",
                "--metrics", "none");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode response = JSON.readTree(run.lastLine());
        assertThat(response.path("batchItemFailures")).hasSize(25);
        assertThat(run.stderr()).contains("no time left for another model call before the deadline")
                .contains("API calls: 0");
    }

    @Test
    void failsWithOneClearLineOnABadSetting() throws Exception {
        Run run = replay(Map.of("BATCH_SIZE", "0"), "test-events/kinesis-25.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip()).isEqualTo("replay: BATCH_SIZE must be from 1 to 200; was 0");
        assertThat(run.stdout()).isEmpty();
    }
}
