package io.sentimentconsumer.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.cli.LocalContext;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.lambda.BatchResponse;
import io.sentimentconsumer.lambda.KinesisEventJson;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.ResultRows;
import io.sentimentconsumer.testing.S3Mock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda handler, wired as in production, writes the committed 150-record event's results to a real
 * S3-compatible server through the SDK's S3 client: where the objects go, what their rows say (against the
 * consumer's own outcomes and ledger), what a redelivery does to them, and what a write that fails does to the
 * delivery.
 */
class ResultsInS3Test {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static final Path EVENT = Path.of("..", "test-events", "kinesis-150.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The committed event's stream, shard, first and last sequence numbers and first arrival (12:09:46 UTC). */
    private static final String SHARD_FOLDER = "dt=2026-01-15/hour=12/social-media-posts/shardId-000000000000/";
    private static final String FIRST = "49599511622534791251916777407968087094228873894226144262";
    private static final String LAST = "49599511622534791251916777407968442808331678628995583746";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3Mock s3;
    private String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Mock.shared();
    }

    @BeforeEach
    void newBucket() {
        bedrock.script(FakeBedrock::scoreAll);
        bucket = "lambda-results-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
    }

    private ConsumerUnderTest consumer(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("RESULTS_SINK", "s3", "RESULTS_BUCKET", bucket,
                ConsumerUnderTest.S3_ENDPOINT, s3.endpoint()));
        settings.putAll(more);
        return new ConsumerUnderTest(bedrock, settings);
    }

    private static String event() throws IOException {
        return Files.readString(EVENT);
    }

    /** One invocation with a context of its own; returns its request id. */
    private static String handle(ConsumerUnderTest consumer, String event) {
        LocalContext context = new LocalContext(System.err, 900_000);
        consumer.handle(event, context);
        return context.getAwsRequestId();
    }

    @Test
    void aDeliveryWritesOnePostsObjectForItsRangeAndOneCallsObjectForItselfUnderItsFirstArrivalsHour()
            throws Exception {
        try (ConsumerUnderTest consumer = consumer(Map.of())) {
            String requestId = handle(consumer, event());

            assertThat(s3.keys(bucket)).containsExactly(
                    "calls/" + SHARD_FOLDER + FIRST + "-" + LAST + "." + requestId + ".jsonl.gz",
                    "posts/" + SHARD_FOLDER + FIRST + "-" + LAST + ".jsonl.gz");
            for (String key : s3.keys(bucket)) {
                var head = s3.head(bucket, key);
                assertThat(head.contentType()).as(key).isEqualTo("application/gzip");
                assertThat(head.contentEncoding()).as("the .gz name says it; no Content-Encoding").isNull();
            }
        }
    }

    @Test
    void rowsHoldEveryOutcomeAndEveryCallExactlyAsTheConsumerAccountedForThem() throws Exception {
        try (ConsumerUnderTest consumer = consumer(Map.of())) {
            String requestId = handle(consumer, event());
            InvocationReport report = consumer.lastReport();
            JsonNode summary = consumer.summary();
            Map<String, byte[]> objects = s3.objects(bucket);
            List<JsonNode> posts = ResultRows.of(objects, Dataset.POSTS);
            List<JsonNode> calls = ResultRows.of(objects, Dataset.CALLS);

            assertThat(posts).hasSize(150).allSatisfy(row -> assertThat(ResultRows.keys(row))
                    .containsExactlyElementsOf(ResultRows.columns(Dataset.POSTS)));
            assertThat(calls).allSatisfy(row -> assertThat(ResultRows.keys(row))
                    .containsExactlyElementsOf(ResultRows.columns(Dataset.CALLS)));
            for (int i = 0; i < posts.size(); i++) {
                JsonNode row = posts.get(i);
                RecordOutcome outcome = report.outcomes().get(i);
                assertThat(row.path("sequence_number").asText()).isEqualTo(outcome.sequenceNumber());
                assertThat(row.path("post_id").asText()).isEqualTo(outcome.postId());
                assertThat(row.path("outcome").asText()).isEqualTo(outcome.kind().name().toLowerCase(Locale.ROOT));
                assertThat(row.path("reason").isNull() ? null : row.path("reason").asText())
                        .isEqualTo(outcome.reason());
                if (outcome.score() != null) {
                    assertThat(row.path("score").asDouble()).isEqualTo(outcome.score());
                    assertThat(row.path("label").asText())
                            .isEqualTo(outcome.label().name().toLowerCase(Locale.ROOT));
                }
                assertThat(row.path("text").isNull()).as("no text unless RESULTS_INCLUDE_TEXT=true").isTrue();
                assertThat(row.path("stream").asText()).isEqualTo("social-media-posts");
                assertThat(row.path("shard_id").asText()).isEqualTo("shardId-000000000000");
                assertThat(row.path("model_id").asText()).isEqualTo("amazon.nova-micro-v1:0");
            }
            Map<String, Long> byOutcome = posts.stream()
                    .collect(Collectors.groupingBy(r -> r.path("outcome").asText(), Collectors.counting()));
            assertThat(byOutcome.getOrDefault("scored", 0L)).isEqualTo(summary.path("scored").asLong());
            assertThat(byOutcome.getOrDefault("unscored", 0L)).isEqualTo(summary.path("unscored").asLong());
            assertThat(byOutcome.getOrDefault("invalid", 0L)).isEqualTo(summary.path("invalid").asLong());
            assertThat(summary.path("scored").asLong()).as("the event's posts are all valid").isEqualTo(150);

            assertThat(calls).hasSize(summary.path("apiCalls").asInt()).hasSize(6);
            assertThat(calls.stream().map(r -> r.path("cost_usd").decimalValue()).reduce(BigDecimal.ZERO,
                    BigDecimal::add)).isEqualByComparingTo(summary.path("costUsd").decimalValue());
            assertThat(calls.stream().mapToLong(r -> r.path("total_tokens").asLong()).sum())
                    .isEqualTo(summary.path("totalTokens").asLong());
            assertThat(calls.stream().mapToLong(r -> r.path("input_tokens").asLong()).sum())
                    .isEqualTo(bedrock.billed().inputTokens());
            assertThat(calls).allSatisfy(row -> {
                assertThat(row.path("invocation_id").asText()).isEqualTo(requestId);
                assertThat(row.path("priced").asBoolean()).isTrue();
                assertThat(row.path("region").asText()).isEqualTo("us-east-1");
                assertThat(row.path("routing").asText()).isEqualTo("in-region");
                assertThat(row.path("served_tier").asText()).isEqualTo("default");
            });
            Set<String> callIds = calls.stream().map(r -> r.path("call_id").asText()).collect(Collectors.toSet());
            assertThat(callIds).hasSize(calls.size());
            assertThat(posts).allSatisfy(row -> assertThat(callIds).contains(row.path("call_id").asText()));
        }
    }

    @Test
    void anUnpricedCallHasANullCostAndSaysSoNeverACostOfZero() throws Exception {
        // A Region the price table has no price for: the calls are unpriced, and their rows say so.
        try (ConsumerUnderTest consumer = consumer(Map.of("BEDROCK_REGION", "ap-southeast-7"))) {
            handle(consumer, event());
            assertThat(consumer.summary().path("unpricedCalls").asInt()).isEqualTo(6);
            List<JsonNode> calls = ResultRows.of(s3.objects(bucket), Dataset.CALLS);

            assertThat(calls).hasSize(6).allSatisfy(row -> {
                assertThat(row.path("cost_usd").isNull()).isTrue();
                assertThat(row.path("priced").asBoolean()).isFalse();
                assertThat(row.path("region").asText()).isEqualTo("ap-southeast-7");
            });
        }
    }

    @Test
    void postsCarryTheirTextOnlyWhenChosen() throws Exception {
        try (ConsumerUnderTest consumer = consumer(Map.of("RESULTS_INCLUDE_TEXT", "true"))) {
            handle(consumer, event());
            List<JsonNode> posts = ResultRows.of(s3.objects(bucket), Dataset.POSTS);
            Map<String, String> contentBySequence = contentBySequenceNumber(event());

            assertThat(posts).hasSize(150).allSatisfy(row -> assertThat(row.path("text").asText())
                    .isEqualTo(contentBySequence.get(row.path("sequence_number").asText())));
        }
    }

    @Test
    void aRedeliveryWritesTheRangesPostsOverAndKeepsEachBilledDeliverysCalls() throws Exception {
        BigDecimal billed = BigDecimal.ZERO;
        try (ConsumerUnderTest warm = consumer(Map.of())) {
            handle(warm, event());
            billed = billed.add(warm.summary().path("costUsd").decimalValue());
            handle(warm, event()); // the same environment reuses every outcome: nothing is billed again
            assertThat(warm.summary().path("reused").asInt()).isEqualTo(150);
        }
        assertThat(s3.keys(bucket)).filteredOn(k -> k.startsWith("calls/")).hasSize(1);
        assertThat(ResultRows.of(s3.objects(bucket), Dataset.POSTS)).as("reused outcomes keep their post and call")
                .hasSize(150).allSatisfy(row -> {
                    assertThat(row.path("user_id").asText()).startsWith("user-");
                    assertThat(row.path("call_id").isNull()).isFalse();
                });
        try (ConsumerUnderTest cold = consumer(Map.of())) {
            handle(cold, event()); // a fresh environment calls the model again, and is billed again
            billed = billed.add(cold.summary().path("costUsd").decimalValue());
        }

        Map<String, byte[]> objects = s3.objects(bucket);
        assertThat(objects.keySet()).filteredOn(k -> k.startsWith("posts/")).hasSize(1);
        assertThat(ResultRows.of(objects, Dataset.POSTS)).hasSize(150);
        assertThat(objects.keySet()).filteredOn(k -> k.startsWith("calls/")).hasSize(2);
        assertThat(ResultRows.of(objects, Dataset.CALLS).stream().map(r -> r.path("cost_usd").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(billed);
    }

    @Test
    void aDeliveryWritesRowsOnlyBeforeItsFirstHandedBackRecordAndItsRedeliveryWritesTheRest() throws Exception {
        // One call at a time, in batch order: the third batch's call fails, SDK retries and all, in the first
        // delivery only.
        List<String> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean firstDelivery = new java.util.concurrent.atomic.AtomicBoolean(true);
        bedrock.script(call -> {
            if (!batches.contains(call.posts().get(0))) {
                batches.add(call.posts().get(0));
            }
            return firstDelivery.get() && batches.indexOf(call.posts().get(0)) == 2
                    ? FakeBedrock.Failure.internal() : FakeBedrock.scoreAll(call);
        });
        try (ConsumerUnderTest consumer = consumer(Map.of("BEDROCK_CONCURRENCY", "1"))) {
            BatchResponse first = consumer.handle(event(), new LocalContext(System.err, 900_000));
            firstDelivery.set(false);
            List<KinesisEventJson.Record> records = KinesisEventJson.read(
                    new ByteArrayInputStream(event().getBytes(StandardCharsets.UTF_8)));
            int lowest = indexOf(records, first.itemIdentifiers().get(0));
            assertThat(lowest).as("the third batch of 25 failed").isEqualTo(50);
            assertThat(ResultRows.of(s3.objects(bucket), Dataset.POSTS)).hasSize(50);

            BatchResponse second = consumer.handle(new String(KinesisEventJson.write(
                    records.subList(lowest, records.size())), StandardCharsets.UTF_8),
                    new LocalContext(System.err, 900_000));

            assertThat(second.itemIdentifiers()).isEmpty();
            Map<String, byte[]> objects = s3.objects(bucket);
            assertThat(objects.keySet()).filteredOn(k -> k.startsWith("posts/")).containsExactly(
                    "posts/" + SHARD_FOLDER + FIRST + "-" + records.get(49).sequenceNumber() + ".jsonl.gz",
                    "posts/" + SHARD_FOLDER + records.get(50).sequenceNumber() + "-" + LAST + ".jsonl.gz");
            List<String> written = ResultRows.of(objects, Dataset.POSTS).stream()
                    .map(r -> r.path("sequence_number").asText()).toList();
            assertThat(written).as("every record once").hasSize(150).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(records.stream().map(KinesisEventJson.Record::sequenceNumber)
                            .toList());
        }
    }

    @Test
    void aWriteThatFailsHandsEveryRecordBackOnceLoggedAndTheRedeliveryWritesWithoutCallingTheModelAgain()
            throws Exception {
        String missing = bucket + "-not-yet";
        try (ConsumerUnderTest consumer = consumer(Map.of("RESULTS_BUCKET", missing))) {
            LocalContext firstContext = new LocalContext(System.err, 900_000);
            BatchResponse first = consumer.handle(event(), firstContext);
            List<KinesisEventJson.Record> records = KinesisEventJson.read(
                    new ByteArrayInputStream(event().getBytes(StandardCharsets.UTF_8)));

            assertThat(first.itemIdentifiers()).first().isEqualTo(FIRST);
            assertThat(first.itemIdentifiers()).containsExactlyElementsOf(
                    records.stream().map(KinesisEventJson.Record::sequenceNumber).toList());
            assertThat(consumer.logEvents("results_write_failed")).singleElement().satisfies(line -> {
                assertThat(line.path("bucket").asText()).isEqualTo(missing);
                assertThat(line.path("key").asText()).startsWith("calls/" + SHARD_FOLDER);
                assertThat(line.path("records").asInt()).isEqualTo(150);
                assertThat(line.path("firstSequenceNumber").asText()).isEqualTo(FIRST);
                assertThat(line.path("error").asText()).endsWith("NoSuchBucketException");
            });
            JsonNode firstSummary = consumer.summary();
            assertThat(firstSummary.path("resultsWriteFailures").asInt()).isEqualTo(1);
            assertThat(consumer.emfDocuments()).anySatisfy(doc -> assertThat(doc.path("ResultsWriteFailures").asInt())
                    .isEqualTo(1));
            int modelCalls = bedrock.calls().size();

            s3.createBucket(missing);
            BatchResponse second = consumer.handle(event(), new LocalContext(System.err, 900_000));

            assertThat(second.itemIdentifiers()).isEmpty();
            assertThat(bedrock.calls()).as("the redelivery reused every outcome").hasSize(modelCalls);
            assertThat(consumer.logEvents("results_write_failed")).hasSize(1);
            Map<String, byte[]> objects = s3.objects(missing);
            assertThat(ResultRows.of(objects, Dataset.POSTS)).hasSize(150);
            List<JsonNode> calls = ResultRows.of(objects, Dataset.CALLS);
            assertThat(calls).as("the first delivery's calls, written with the redelivery's")
                    .hasSize(firstSummary.path("apiCalls").asInt())
                    .allSatisfy(row -> assertThat(row.path("invocation_id").asText())
                            .isEqualTo(firstContext.getAwsRequestId()));
            assertThat(calls.stream().map(r -> r.path("cost_usd").decimalValue()).reduce(BigDecimal.ZERO,
                    BigDecimal::add)).isEqualByComparingTo(firstSummary.path("costUsd").decimalValue());
        }
    }

    @Test
    void anEventThatCannotNameItsRowsIsHandedBackSayingWhatItLacks() throws Exception {
        JsonNode event = JSON.readTree(event());
        event.path("Records").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.path("kinesis"))
                .remove("approximateArrivalTimestamp"));
        String withoutArrival = event.toString();
        try (ConsumerUnderTest consumer = consumer(Map.of())) {
            BatchResponse response = consumer.handle(withoutArrival, new LocalContext(System.err, 900_000));

            assertThat(response.itemIdentifiers()).hasSize(150);
            assertThat(consumer.logEvents("results_write_failed")).singleElement().satisfies(line -> {
                assertThat(line.path("message").asText()).contains("kinesis.approximateArrivalTimestamp");
                assertThat(line.has("bucket")).as("no object was named").isFalse();
            });
            assertThat(s3.keys(bucket)).isEmpty();
        }
    }

    private static int indexOf(List<KinesisEventJson.Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new AssertionError("no record " + sequenceNumber);
    }

    /** Each record's post content, by sequence number, read from the event with Jackson alone. */
    private static Map<String, String> contentBySequenceNumber(String event) throws IOException {
        Map<String, String> contents = new java.util.LinkedHashMap<>();
        for (JsonNode record : JSON.readTree(event).path("Records")) {
            byte[] data = Base64.getDecoder().decode(record.path("kinesis").path("data").asText());
            contents.put(record.path("kinesis").path("sequenceNumber").asText(),
                    JSON.readTree(data).path("content").asText());
        }
        return contents;
    }
}
