package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.SentimentLabel;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.JsonLines;
import java.nio.file.Path;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.testing.CallLines;
import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.DynamoDbLocal;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.KinesisLocal;
import io.sentimentconsumer.testing.Polling;
import io.sentimentconsumer.testing.SteadyTraffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The worker and {@code produce} as users run them (the CLI jar, each in its own process) against a Kinesis and a
 * DynamoDB engine and the fake Bedrock. The engines come from the subclass: kinesis-local and DynamoDB Local
 * ({@link WorkerIT}), or LocalStack ({@link WorkerLocalStackIT}). Every scenario has its own stream and
 * application, so they share the engines but nothing else.
 */
abstract class WorkerScenarios {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** The consumer's text preparation at its default MAX_POST_CHARS, which the workers under test use. */
    private static final PostText POST_TEXT = new PostText(1000);

    /** Set by the subclass before its tests run. */
    static KinesisLocal kinesis;
    static DynamoDbLocal dynamoDb;
    static FakeBedrock bedrock;

    @AfterAll
    static void stopEngines() throws Exception {
        if (bedrock != null) {
            bedrock.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
        bedrock = null;
        dynamoDb = null;
        kinesis = null;
    }

    @Test
    void oneWorkerAnalyzesEveryProducedPostExactlyOnceAndCheckpointsEveryShardAtItsEnd() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        String stream = "posts-a";
        streamAndLeaseTable(stream, 4, "app-a");
        produce(stream, 1000, 7);

        try (CliProcess worker = worker(stream, "app-a", "worker-1", "--log-format", "text")) {
            Map<String, String> ends = awaitAllCheckpointed(stream, "app-a", worker);

            assertThat(worker.stop(Duration.ofSeconds(60))).as(worker.stderr()).isZero();
            assertThat(postsSent()).isEqualTo(expectedPosts(1000, 7));
            assertThat(dynamoDb.leases("app-a").values())
                    .allSatisfy(lease -> assertThat(lease.checkpoint()).isEqualTo(ends.get(lease.shardId())));
            TokenUsage billed = bedrock.billed();
            assertThat(CallLines.usage(worker.stderrLines())).isEqualTo(billed);
            assertThat(lastLineStartingWith(worker.stderrLines(), "Worker cumulative token summary: "))
                    .startsWith("Worker cumulative token summary: Total tokens: " + billed.totalTokens() + " (Input: "
                            + billed.inputTokens() + ", Output: " + billed.outputTokens() + "), API calls: "
                            + bedrock.calls().size() + ", Posts analyzed: 1000, ");
            assertThat(worker.stderrLines()).anyMatch(l -> l.startsWith("Worker token summary: "));
            // Metrics were buffered and flushed once, at shutdown: one EMF document carries every call's tokens.
            assertThat(worker.stdout().lines().filter(l -> l.contains("\"TotalTokens\""))).isNotEmpty();
        }
    }

    @Test
    void twoWorkersSplitTheLeasesAndOneStoppingMidStreamLosesNothing() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        String stream = "posts-b";
        streamAndLeaseTable(stream, 4, "app-b");

        // Posts keep arriving throughout: the KCL balances leases by the throughput their owners report, so a
        // worker joining an idle stream would be given nothing.
        try (SteadyTraffic traffic = SteadyTraffic.start(kinesis.client(), stream, 10, 40);
             CliProcess first = worker(stream, "app-b", "worker-1", "--log-format", "text")) {
            awaitOrShowLogs("worker-1 holding every lease and scoring posts", "app-b",
                    () -> dynamoDb.leases("app-b").size() == 4 && owners("app-b").equals(Set.of("worker-1"))
                            && scoring(first), first);
            try (CliProcess second = worker(stream, "app-b", "worker-2", "--log-format", "text")) {
                awaitOrShowLogs("the leases split between the workers, both scoring posts", "app-b",
                        () -> owners("app-b").equals(Set.of("worker-1", "worker-2")) && scoring(second),
                        first, second);

                // Stopped mid-stream, posts still arriving: it checkpoints, and its shards pass to worker-2.
                assertThat(first.stop(Duration.ofSeconds(60))).as(first.stderr()).isZero();
                awaitOrShowLogs("worker-2 holding every lease", "app-b",
                        () -> owners("app-b").equals(Set.of("worker-2")), first, second);
                traffic.stop();
                awaitAllCheckpointed(stream, "app-b", second);
                assertThat(second.stop(Duration.ofSeconds(60))).as(second.stderr()).isZero();

                // Nothing lost: every post on the stream reached the model, whichever worker held its shard.
                assertThat(postsSent().keySet()).isEqualTo(all(kinesis.readAll(stream)).stream()
                        .map(WorkerScenarios::modelText).collect(Collectors.toSet()));
                // And the fleet accounted for every token billed: the two workers' call lines add up to the bill.
                assertThat(CallLines.usage(first.stderrLines()).plus(CallLines.usage(second.stderrLines())))
                        .isEqualTo(bedrock.billed());
            }
        }
    }

    @Test
    void aRestartedWorkerResumesFromItsCheckpointsAndResendsAtMostOneBatchPerShard() throws Exception {
        // A slow model keeps the stream in progress long enough to kill the worker mid-way.
        bedrock.script(call -> {
            pause(Duration.ofMillis(150));
            return FakeBedrock.scoreAll(call);
        });
        String stream = "posts-c";
        streamAndLeaseTable(stream, 4, "app-c");
        produce(stream, 1000, 8);

        try (CliProcess first = worker(stream, "app-c", "worker-1", "--log-format", "text")) {
            Polling.until(DEADLINE, "the first worker mid-stream", () -> bedrock.calls().size() >= 12);
            first.kill(); // no chance to checkpoint the batches in flight
        }
        try (CliProcess second = worker(stream, "app-c", "worker-2", "--log-format", "text")) {
            awaitAllCheckpointed(stream, "app-c", second);
            assertThat(second.stop(Duration.ofSeconds(60))).isZero();
        }

        Map<String, Long> sent = postsSent();
        Map<String, Long> expected = expectedPosts(1000, 8);
        assertThat(sent.keySet()).isEqualTo(expected.keySet());
        // Per shard, the posts sent more than once are at most one batch: the one in flight when it died.
        // (Only texts that occur once in the stream are counted: generated texts can repeat across shards.)
        kinesis.readAll(stream).forEach((shard, records) -> {
            long resent = records.stream().map(WorkerScenarios::modelText)
                    .filter(t -> expected.get(t) == 1 && sent.get(t) > 1).count();
            assertThat(resent).as("posts of " + shard + " sent again").isLessThanOrEqualTo(25);
        });
    }

    @Test
    void theLambdaHandlerGivesTheSameOutcomesToTheRecordsTheWorkerRead() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        String stream = "posts-d";
        streamAndLeaseTable(stream, 2, "app-d");
        try (CliProcess produce = CliProcess.run(Duration.ofMinutes(1),
                Map.of("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint()), "produce", "--stream", stream,
                Path.of(System.getProperty("project.root"), "test-events", "kinesis-malformed.json").toString())) {
            assertThat(produce.exitCode()).as(produce.stderr()).isZero();
        }
        produce(stream, 200, 9);

        JsonNode workerTotals;
        List<String> workerInvalid;
        // No --log-format: a worker whose output is not a terminal writes JSON lines, as the saved queries need.
        try (CliProcess worker = worker(stream, "app-d", "worker-1")) {
            awaitAllCheckpointed(stream, "app-d", worker);
            assertThat(worker.stop(Duration.ofSeconds(60))).isZero();
            List<JsonNode> events = worker.stderrLines().stream().filter(l -> l.startsWith("{"))
                    .map(JsonLines::parse).toList();
            workerTotals = events.stream().filter(e -> e.path("event").asText().equals("worker_cumulative_summary"))
                    .reduce((a, b) -> b).orElseThrow();
            workerInvalid = events.stream().filter(e -> e.path("event").asText().equals("invalid_record"))
                    .map(e -> e.path("sequenceNumber").asText() + " " + e.path("reason").asText()).sorted().toList();
        }

        // The same records, read back from the stream shard by shard, through the Lambda handler.
        ConsumerUnderTest lambda = new ConsumerUnderTest(bedrock, Map.of("METRICS_SINK", "none"));
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<Record>> shard : kinesis.readAll(stream).entrySet()) {
            lambda.handle(event(shard.getValue(), shard.getKey()));
            outcomes.addAll(lambda.lastReport().outcomes());
        }
        assertThat(outcomes).hasSize(220);
        assertThat(workerTotals.path("recordsIn").asInt()).isEqualTo(220);
        for (var kind : List.of("positive", "negative", "neutral")) {
            SentimentLabel label = SentimentLabel.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
            assertThat(workerTotals.path(kind).asLong()).as(kind)
                    .isEqualTo(outcomes.stream().filter(o -> o.label() == label).count());
        }
        assertThat(workerTotals.path("unscored").asInt()).isZero();
        assertThat(workerTotals.path("handedBack").asInt()).isZero();
        assertThat(workerInvalid).isEqualTo(outcomes.stream().filter(o -> o.kind() == RecordOutcome.Kind.INVALID)
                .map(o -> o.sequenceNumber() + " " + o.reason()).sorted().toList());
        assertThat(workerInvalid).hasSize(11);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A new stream and its application's lease table (with its index, so the KCL need not wait for one). */
    private static void streamAndLeaseTable(String stream, int shards, String application)
            throws InterruptedException {
        kinesis.createStream(stream, shards);
        dynamoDb.createLeaseTable(application);
    }

    private static void produce(String stream, int posts, long seed) throws Exception {
        try (CliProcess produce = CliProcess.run(Duration.ofMinutes(2),
                Map.of("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint()),
                "produce", "--stream", stream, "--generate", Integer.toString(posts), "--seed", Long.toString(seed))) {
            assertThat(produce.exitCode()).as(produce.stderr()).isZero();
            assertThat(produce.stdout()).contains("sent " + posts + ", failed 0, retries 0");
        }
    }

    static CliProcess worker(String stream, String application, String workerId, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--stream", stream, "--application", application,
                "--worker-id", workerId, "--metrics", "emf", "--test-failover-millis", "2000",
                "--retry-backoff-initial", "PT0.2S", "--retry-backoff-max", "PT1S"));
        args.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint());
        env.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint());
        env.put("ENVIRONMENT", "test");
        env.put("SUMMARY_INTERVAL", "2s");
        return CliProcess.start(env, args.toArray(String[]::new));
    }

    /** Waits until every shard's lease is checkpointed at the shard's last record; returns those by shard. */
    private static Map<String, String> awaitAllCheckpointed(String stream, String application,
                                                            CliProcess... workers) throws InterruptedException {
        Map<String, String> ends = new HashMap<>();
        kinesis.readAll(stream).forEach((shard, records) -> ends.put(shard,
                records.isEmpty() ? null : records.get(records.size() - 1).sequenceNumber()));
        awaitOrShowLogs("every shard of " + stream + " checkpointed at its last record " + ends, application, () -> {
            Map<String, DynamoDbLocal.Lease> leases = dynamoDb.leases(application);
            return leases.size() == ends.size() && leases.values().stream().allMatch(
                    l -> ends.get(l.shardId()) == null || ends.get(l.shardId()).equals(l.checkpoint()));
        }, workers);
        return ends;
    }

    /** Waits for the condition; on timeout, the failure shows the application's leases and the workers' logs. */
    private static void awaitOrShowLogs(String what, String application, BooleanSupplier condition,
                                        CliProcess... workers) throws InterruptedException {
        try {
            Polling.until(DEADLINE, what, condition);
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage()).append("\nleases: ")
                    .append(dynamoDb.leases(application));
            for (CliProcess worker : workers) {
                logs.append("\n--- worker stderr ---\n").append(worker.stderr());
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    /** The owners of the application's leases (an unowned lease counts as owner {@code null}). */
    private static Set<String> owners(String application) {
        return dynamoDb.leases(application).values().stream().map(DynamoDbLocal.Lease::owner)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Whether the worker has had a model call answered (it writes a call line for each). */
    private static boolean scoring(CliProcess worker) {
        return worker.stderrLines().stream().anyMatch(line -> CallLines.CALL_LINE.matcher(line).find());
    }

    /** The posts the fake was asked to score, each with how often, first calls only. */
    private static Map<String, Long> postsSent() {
        return bedrock.calls().stream().flatMap(c -> c.posts().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<String, Long> expectedPosts(int count, long seed) {
        return new SyntheticPosts(seed).next(count).stream().map(p -> modelText(p.post().content()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** A record's post as the model is asked it: its JSON's content, prepared as the consumer prepares it. */
    private static String modelText(Record record) {
        return modelText(JsonLines.parse(record.data().asUtf8String()).path("content").asText());
    }

    private static String modelText(String content) {
        return POST_TEXT.prepare(content).text();
    }

    private static String lastLineStartingWith(List<String> lines, String prefix) {
        String last = null;
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                last = line;
            }
        }
        assertThat(last).as("a line starting with " + prefix).isNotNull();
        return last;
    }

    private static String event(List<Record> records, String shardId) {
        return KinesisEvents.eventOf(records.stream().map(record -> new KinesisEvents.EventRecord(
                record.sequenceNumber(), record.partitionKey(), record.data().asByteArray())).toList(), shardId);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Record> all(Map<String, List<Record>> byShard) {
        return byShard.values().stream().flatMap(List::stream).toList();
    }
}
