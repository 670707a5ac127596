package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.testing.CallLines;
import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.ElasticMq;
import io.sentimentconsumer.testing.FailureRecords;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.JsonLines;
import io.sentimentconsumer.testing.KinesisLocal;
import io.sentimentconsumer.testing.ResultRows;
import io.sentimentconsumer.testing.S3Mock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * {@code redrive} as users run it (the CLI jar, in its own process) against kinesis-local, ElasticMQ (in this JVM)
 * holding messages in the shape Lambda writes to an on-failure destination, and the fake Bedrock. Every scenario has
 * its own stream and queue.
 */
class RedriveIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The consumer's text preparation at its default MAX_POST_CHARS: a record's post as the model is asked it. */
    private static final PostText POST_TEXT = new PostText(1000);

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();
    private static KinesisLocal kinesis;
    private static ElasticMq sqs;

    @BeforeAll
    static void startEngines() throws Exception {
        Assumptions.assumeFalse(KinesisLocal.skipped(), "SKIP_KINESIS_LOCAL_TESTS=true");
        kinesis = KinesisLocal.start();
        sqs = ElasticMq.start();
    }

    @AfterAll
    static void stopEngines() throws Exception {
        if (sqs != null) {
            sqs.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }

    @Test
    void redrivesExactlyTheMessagesRangeOnceAndDeletesTheMessage() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        Map<String, List<Record>> shards = streamOfPosts("redrive-a", 2, 120, 21);
        List<Record> shard = longest(shards);
        List<Record> range = shard.subList(10, 40);
        String queue = sqs.createQueue("failures-a");
        sqs.send(queue, message("redrive-a", shards, range, range.size()));

        try (CliProcess redrive = redrive(queue)) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isZero();
            // Every post of the range reached the model exactly once, and nothing outside it did.
            assertThat(postsSent()).isEqualTo(texts(range));
            assertThat(CallLines.usage(redrive.stderrLines())).isEqualTo(bedrock.billed());
            assertThat(lastLine(redrive)).startsWith("redrive: 1 messages: 1 deleted, 0 kept; 30 records: 30 scored, "
                    + "0 unscored, 0 invalid, 0 handed back, 0 reused; 0 lost past retention; "
                    + bedrock.calls().size() + " model calls, " + bedrock.billed().totalTokens() + " tokens, ");
        }
        assertThat(sqs.visible(queue) + sqs.inFlight(queue)).as("messages left").isZero();
    }

    @Test
    void aFailingModelKeepsTheMessageVisibleAndStopsBeforeTheNextOne() throws Exception {
        bedrock.script(call -> FakeBedrock.Failure.internal());
        Map<String, List<Record>> shards = streamOfPosts("redrive-b", 1, 60, 22);
        List<Record> shard = longest(shards);
        String queue = sqs.createQueue("failures-b");
        sqs.send(queue, message("redrive-b", shards, shard.subList(0, 20), 20));
        sqs.send(queue, message("redrive-b", shards, shard.subList(30, 50), 20));

        try (CliProcess redrive = redrive(queue)) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isEqualTo(2);
            assertThat(redrive.stderr()).contains("the message stays in the queue and is visible again now");
            assertThat(lastLine(redrive)).startsWith("redrive: 1 messages: 0 deleted, 1 kept (stopped early: records "
                    + "handed back); 20 records: 0 scored, 0 unscored, 0 invalid, 20 handed back, 0 reused; ");
        }
        // Only one range was tried: the posts sent all belong to one of the two messages' ranges.
        List<String> tried = bedrock.calls().stream().flatMap(c -> c.posts().stream()).distinct().toList();
        assertThat(tried).isNotEmpty();
        assertThat(List.of(texts(shard.subList(0, 20)).keySet(), texts(shard.subList(30, 50)).keySet()))
                .anyMatch(rangeTexts -> rangeTexts.containsAll(tried));
        assertThat(sqs.visible(queue)).as("both messages visible again").isEqualTo(2);
    }

    /**
     * With {@code --results-sink s3} a range's rows are written before its message goes: redriven records get
     * their rows like any other. A range whose rows cannot be written keeps its message, as a failing model's does.
     */
    @Test
    void writesTheRangesRowsBeforeDeletingItsMessageAndKeepsItWhenItCannot() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        S3Mock s3 = S3Mock.shared();
        s3.createBucket("redrive-results");
        Map<String, List<Record>> shards = streamOfPosts("redrive-e", 1, 30, 25);
        List<Record> range = longest(shards).subList(0, 20);
        String written = sqs.createQueue("failures-e");
        String notWritten = sqs.createQueue("failures-e-missing-bucket");
        sqs.send(written, message("redrive-e", shards, range, range.size()));
        sqs.send(notWritten, message("redrive-e", shards, range, range.size()));

        try (CliProcess redrive = redrive(written, Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint()), "--results-sink",
                "s3", "--results-bucket", "redrive-results")) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isZero();
        }
        try (CliProcess redrive = redrive(notWritten, Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint()),
                "--results-sink", "s3", "--results-bucket", "redrive-results-missing")) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isEqualTo(2);
            assertThat(redrive.stderr()).contains("Results not written");
        }

        List<JsonNode> posts = ResultRows.of(s3.objects("redrive-results"), Dataset.POSTS);
        assertThat(posts).extracting(r -> r.path("sequence_number").asText())
                .containsExactlyElementsOf(range.stream().map(Record::sequenceNumber).toList());
        assertThat(posts).allSatisfy(r -> assertThat(r.path("stream").asText()).isEqualTo("redrive-e"));
        assertThat(sqs.visible(written) + sqs.inFlight(written)).as("redriven and written: deleted").isZero();
        assertThat(sqs.visible(notWritten)).as("not written: kept").isEqualTo(1);
    }

    @Test
    void aDryRunReadsTheRangesButCallsNoModelAndDeletesNothing() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        Map<String, List<Record>> shards = streamOfPosts("redrive-c", 1, 40, 23);
        List<Record> range = longest(shards).subList(5, 30);
        String queue = sqs.createQueue("failures-c");
        sqs.send(queue, message("redrive-c", shards, range, range.size()));

        try (CliProcess redrive = redrive(queue, "--dry-run")) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isZero();
            assertThat(redrive.stdout()).contains("would send 25 records to the model, then delete the message");
            assertThat(lastLine(redrive)).startsWith("redrive (dry run): 1 messages: 1 would be deleted, 0 kept; 25 "
                    + "records would go to the model; 0 lost past retention; ");
        }
        assertThat(bedrock.calls()).isEmpty();
        assertThat(sqs.visible(queue)).as("the message, visible again").isEqualTo(1);
    }

    @Test
    void recordsPastRetentionAreReportedWithTheirRangeAndCountAndTheRestIsRedriven() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        Map<String, List<Record>> shards = streamOfPosts("redrive-d", 1, 30, 24);
        List<Record> shard = longest(shards);
        String shardId = shards.keySet().iterator().next();
        BigInteger oldest = new BigInteger(shard.get(0).sequenceNumber());
        String arn = streamArn("redrive-d");
        String queue = sqs.createQueue("failures-d");
        // kinesis-local never trims, so these ranges start before the shard's oldest record, where trimmed ones are.
        String gone = FailureRecords.body(arn, shardId, oldest.subtract(BigInteger.valueOf(40)).toString(),
                oldest.subtract(BigInteger.ONE).toString(), 40, shard.get(0).approximateArrivalTimestamp(),
                shard.get(0).approximateArrivalTimestamp());
        String partly = FailureRecords.body(arn, shardId, oldest.subtract(BigInteger.valueOf(3)).toString(),
                shard.get(4).sequenceNumber(), 8, shard.get(0).approximateArrivalTimestamp(),
                shard.get(4).approximateArrivalTimestamp());
        sqs.send(queue, gone);
        sqs.send(queue, partly);
        // And a range no engine here can read: its stream does not exist. That message must stay.
        sqs.send(queue, FailureRecords.body(arn.replace("redrive-d", "no-such-stream"), shardId,
                shard.get(0).sequenceNumber(), shard.get(1).sequenceNumber(), 2,
                shard.get(0).approximateArrivalTimestamp(), shard.get(1).approximateArrivalTimestamp()));

        try (CliProcess redrive = redrive(queue)) {
            assertThat(redrive.exitCode()).as(redrive.stderr()).isEqualTo(3);
            assertThat(redrive.stdout().lines()).as(redrive.stderr()).contains(
                    "redrive: lost 40 of 40 records past the stream's retention: stream redrive-d, " + shardId
                            + ", sequence numbers " + oldest.subtract(BigInteger.valueOf(40)) + " to "
                            + oldest.subtract(BigInteger.ONE) + " (40 records); the shard's oldest record now is "
                            + oldest,
                    "redrive: lost 3 of 8 records past the stream's retention: stream redrive-d, " + shardId
                            + ", sequence numbers " + oldest.subtract(BigInteger.valueOf(3)) + " to "
                            + shard.get(4).sequenceNumber() + " (8 records); the shard's oldest record now is "
                            + oldest);
            assertThat(redrive.stderr()).contains("stream no-such-stream not found in us-east-1");
            assertThat(lastLine(redrive)).startsWith("redrive: 3 messages: 2 deleted, 1 kept; 5 records: 5 scored, "
                    + "0 unscored, 0 invalid, 0 handed back, 0 reused; 43 lost past retention; ");
        }
        // The five records still in the stream were redriven; the unreadable range's message stays.
        assertThat(postsSent()).isEqualTo(texts(shard.subList(0, 5)));
        assertThat(sqs.visible(queue)).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static CliProcess redrive(String queue, String... extra) throws Exception {
        return redrive(queue, Map.of(), extra);
    }

    private static CliProcess redrive(String queue, Map<String, String> env, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("redrive", "--queue", queue, "--metrics", "none"));
        args.addAll(List.of(extra));
        Map<String, String> all = new java.util.HashMap<>(Map.of("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint(),
                "AWS_ENDPOINT_URL_SQS", sqs.endpoint(), "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint()));
        all.putAll(env);
        return CliProcess.run(TIMEOUT, all, args.toArray(String[]::new));
    }

    /** A stream holding {@code count} generated posts, keyed by user id; returns its records by shard. */
    private static Map<String, List<Record>> streamOfPosts(String stream, int shards, int count, long seed)
            throws InterruptedException {
        kinesis.createStream(stream, shards);
        List<PutRecordsRequestEntry> entries = new SyntheticPosts(seed).next(count).stream()
                .map(p -> PutRecordsRequestEntry.builder().partitionKey(p.post().userId())
                        .data(SdkBytes.fromByteArray(p.toBytes())).build())
                .toList();
        assertThat(kinesis.client().putRecords(r -> r.streamName(stream).records(entries)).failedRecordCount())
                .isZero();
        return kinesis.readAll(stream);
    }

    private static List<Record> longest(Map<String, List<Record>> shards) {
        return shards.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
    }

    private static String streamArn(String stream) {
        return kinesis.client().describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary()
                .streamARN();
    }

    /** Lambda's failure record for a batch: the range's shard, first and last sequence numbers and arrivals. */
    private static String message(String stream, Map<String, List<Record>> shards, List<Record> range, int batchSize) {
        String shardId = shards.entrySet().stream().filter(e -> e.getValue().contains(range.get(0)))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Record first = range.get(0);
        Record last = range.get(range.size() - 1);
        return FailureRecords.body(streamArn(stream), shardId, first.sequenceNumber(), last.sequenceNumber(),
                batchSize, first.approximateArrivalTimestamp(), last.approximateArrivalTimestamp());
    }

    /** The posts the fake was asked to score, each with how often. */
    private static Map<String, Long> postsSent() {
        return count(bedrock.calls().stream().flatMap(c -> c.posts().stream()).toList());
    }

    /** The records' posts as the model is asked them, each with how often. */
    private static Map<String, Long> texts(List<Record> records) {
        return count(records.stream().map(r -> POST_TEXT.prepare(
                JsonLines.parse(r.data().asUtf8String()).path("content").asText()).text()).toList());
    }

    private static Map<String, Long> count(Collection<String> texts) {
        return texts.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String lastLine(CliProcess process) {
        List<String> lines = process.stdout().lines().toList();
        assertThat(lines).as("stdout").isNotEmpty();
        return lines.get(lines.size() - 1);
    }
}
