package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.cli.SyntheticPosts;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.DynamoDbLocal;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisLocal;
import io.sentimentconsumer.testing.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The worker and {@code produce} as users run them (the CLI jar, each in its own process) against real local
 * engines: kinesis-local for the stream, DynamoDB Local for the KCL's tables, and the fake Bedrock. Every scenario
 * has its own stream and application, so they share the engines but nothing else.
 */
class WorkerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Pattern CALL_LINE = Pattern.compile(
            "^Bedrock API token usage: Input tokens: (\\d+), Output tokens: (\\d+), Total tokens: (\\d+), "
                    + "Posts analyzed: (\\d+),");

    private static KinesisLocal kinesis;
    private static DynamoDbLocal dynamoDb;
    private static FakeBedrock bedrock;

    @BeforeAll
    static void startEngines() throws Exception {
        Assumptions.assumeFalse(KinesisLocal.skipped(), "SKIP_KINESIS_LOCAL_TESTS=true");
        kinesis = KinesisLocal.start();
        dynamoDb = DynamoDbLocal.start();
        bedrock = new FakeBedrock();
    }

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
    }

    @Test
    void oneWorkerAnalyzesEveryProducedPostExactlyOnceAndCheckpointsEveryShardAtItsEnd() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        String stream = "posts-a";
        kinesis.createStream(stream, 4);
        dynamoDb.createLeaseTable("app-a");
        produce(stream, 1000, 7);

        try (CliProcess worker = worker(stream, "app-a", "worker-1")) {
            Map<String, String> ends = awaitAllCheckpointed(stream, "app-a", worker);

            assertThat(worker.stop(Duration.ofSeconds(60))).as(worker.stderr()).isZero();
            assertThat(postsSent()).isEqualTo(expectedPosts(1000, 7));
            assertThat(dynamoDb.leases("app-a").values())
                    .allSatisfy(lease -> assertThat(lease.checkpoint()).isEqualTo(ends.get(lease.shardId())));
            TokenUsage billed = bedrock.billed();
            assertThat(usageOfCallLines(worker.stderrLines())).isEqualTo(billed);
            assertThat(lastLineStartingWith(worker.stderrLines(), "Worker cumulative token summary: "))
                    .startsWith("Worker cumulative token summary: Total tokens: " + billed.totalTokens() + " (Input: "
                            + billed.inputTokens() + ", Output: " + billed.outputTokens() + "), API calls: "
                            + bedrock.calls().size() + ", Posts analyzed: 1000, ");
            assertThat(worker.stderrLines()).anyMatch(l -> l.startsWith("Worker token summary: "));
            // Metrics were buffered and flushed once, at shutdown: one EMF document carries every call's tokens.
            assertThat(worker.stdout().lines().filter(l -> l.contains("\"TotalTokens\""))).isNotEmpty();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

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
        try {
            Polling.until(DEADLINE, "every shard of " + stream + " checkpointed at its last record", () -> {
                Map<String, DynamoDbLocal.Lease> leases = dynamoDb.leases(application);
                return leases.size() == ends.size() && leases.values().stream().allMatch(
                        l -> ends.get(l.shardId()) == null || ends.get(l.shardId()).equals(l.checkpoint()));
            });
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage()).append("\nleases: ")
                    .append(dynamoDb.leases(application)).append("\nends: ").append(ends);
            for (CliProcess worker : workers) {
                logs.append("\n--- worker stderr ---\n").append(worker.stderr());
            }
            throw new AssertionError(logs.toString(), e);
        }
        return ends;
    }

    /** The posts the fake was asked to score, each with how often, first calls only. */
    private static Map<String, Long> postsSent() {
        return bedrock.calls().stream().flatMap(c -> c.posts().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<String, Long> expectedPosts(int count, long seed) {
        PostText text = new PostText(1000);
        return new SyntheticPosts(seed).next(count).stream().map(p -> text.prepare(p.content()).text())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static TokenUsage usageOfCallLines(List<String> lines) {
        TokenUsage sum = TokenUsage.ZERO;
        for (String line : lines) {
            Matcher m = CALL_LINE.matcher(line);
            if (m.find()) {
                sum = sum.plus(new TokenUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), 0, 0));
            }
        }
        return sum;
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

    static List<Record> all(Map<String, List<Record>> byShard) {
        return byShard.values().stream().flatMap(List::stream).toList();
    }
}
