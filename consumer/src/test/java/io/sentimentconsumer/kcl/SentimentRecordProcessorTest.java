package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.events.SavedQuery;
import io.sentimentconsumer.events.Writer;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.BufferedMetrics;
import io.sentimentconsumer.publish.Measurement;
import io.sentimentconsumer.results.ResultsWriter;
import io.sentimentconsumer.testing.JsonLines;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.ResultRows;
import io.sentimentconsumer.testing.S3Mock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/** A shard whose model keeps failing blocks, visibly, and never checkpoints past a record without an outcome. */
class SentimentRecordProcessorTest {

    private static final String STREAM = "sentiment-posts-test";
    /** Record i arrived i seconds after this: records 0-1 in the hour of 07:00, the rest in that of 08:00. */
    private static final Instant ARRIVAL = Instant.parse("2026-12-01T07:59:58Z");

    private final JsonLines logLines = new JsonLines();
    private final EventLog log = new EventLog(logLines.stream(), EventLog.Format.JSON);
    private final FakeCheckpointer checkpointer = new FakeCheckpointer();
    private final List<Measurement> published = new ArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Scripted stopping = new Scripted();
    private Runnable duringCall = () -> { };
    private BufferedMetrics metrics;

    /** A stop request the test sets, and what happens while the processor waits out a backoff. */
    private static final class Scripted implements SentimentRecordProcessor.Stopping {
        volatile boolean stop;
        Runnable onAwait = () -> { };

        @Override
        public boolean requested() {
            return stop;
        }

        @Override
        public boolean await(Duration duration) {
            onAwait.run();
            return stop;
        }
    }

    /**
     * Scores every post 0.5, but fails every call that carries {@code poison} until it has failed {@code failures}
     * times. Records each call's posts in {@link #sent} and runs {@link #duringCall} inside it.
     */
    private SentimentModel failing(String poison, int failures) {
        AtomicInteger failed = new AtomicInteger();
        return new SentimentModel() {
            @Override
            public String modelId() {
                return "amazon.nova-micro-v1:0";
            }

            @Override
            public ModelReply converse(ModelRequest request, Duration timeout) {
                sent.add(request.userMessage());
                duringCall.run();
                if (request.userMessage().contains(poison) && failed.getAndIncrement() < failures) {
                    throw new ModelCallException(ModelCallException.Kind.TRANSIENT, "InternalServerException",
                            Attempts.ONE, null);
                }
                long lines = request.userMessage().lines().count();
                StringBuilder answer = new StringBuilder();
                for (int n = 1; n <= lines; n++) {
                    answer.append(n).append("|0.5\n");
                }
                return new ModelReply(answer.toString(), new CallReceipt(new TokenUsage(lines * 30, lines * 6, 0, 0),
                        "end_turn", 10, 9L, Attempts.ONE));
            }
        };
    }

    private SentimentRecordProcessor processor(SentimentModel model, int modelBatch, int shardBatch) {
        return processor(model, modelBatch, shardBatch, ResultsWriter.none());
    }

    private SentimentRecordProcessor processor(SentimentModel model, int modelBatch, int shardBatch,
                                               ResultsWriter results) {
        SentimentPipeline pipeline = SentimentPipeline.builder(model, log).batchSize(modelBatch).concurrency(1)
                .deadlineMargin(Duration.ofSeconds(1)).build();
        metrics = new BufferedMetrics(published::addAll, log);
        return new SentimentRecordProcessor(pipeline, shardBatch,
                new InvocationReporter(metrics, log, model.modelId(), false), results, STREAM, log,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), stopping, report -> { });
    }

    /** The worker's results writer to {@code bucket} on S3Mock, built as {@code worker} builds it. */
    private ResultsWriter resultsTo(String bucket) throws Exception {
        ConsumerConfig config = ConsumerConfig.builder().resultsSink(ResultsSink.S3).resultsBucket(bucket)
                .bedrockRegion("us-east-1").build();
        System.setProperty("aws.endpointUrlS3", S3Mock.shared().endpoint());
        try {
            return ResultsWriter.configured(config, "amazon.nova-micro-v1:0", log);
        } finally {
            System.clearProperty("aws.endpointUrlS3");
        }
    }

    /** One {@code processRecords} call of records {@code from} (inclusive) to {@code to} (exclusive). */
    private ProcessRecordsInput records(int from, int to) {
        List<KinesisClientRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(KinesisClientRecord.builder()
                    .sequenceNumber(KinesisEvents.sequenceNumber(i))
                    .approximateArrivalTimestamp(ARRIVAL.plusSeconds(i))
                    .partitionKey("user")
                    .data(ByteBuffer.wrap(KinesisEvents.post("p" + i, "shard post " + i)))
                    .build());
        }
        checkpointer.delivered(records.get(records.size() - 1));
        return ProcessRecordsInput.builder().records(records).checkpointer(checkpointer).build();
    }

    private ProcessRecordsInput records(int count) {
        return records(0, count);
    }

    private void shardEnds(SentimentRecordProcessor processor) {
        checkpointer.shardEnded();
        processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer).build());
    }

    private List<String> checkpoints() {
        return checkpointer.written().stream().map(ExtendedSequenceNumber::sequenceNumber).toList();
    }

    private List<String> postsSent() {
        return sent.stream().flatMap(String::lines).map(line -> line.substring(line.indexOf('|') + 1)).toList();
    }

    private List<JsonNode> events(String event) {
        return logLines.documents().stream().filter(e -> event.equals(e.path("event").asText())).toList();
    }

    @Test
    void retriesABlockedBatchWithBackoffAndCheckpointsOnlyAfterEveryRecordHasAnOutcome() {
        SentimentRecordProcessor processor = processor(failing("shard post 0", 2), 5, 5);

        processor.processRecords(records(10));

        assertThat(checkpoints()).containsExactly(KinesisEvents.sequenceNumber(4), KinesisEvents.sequenceNumber(9));
        List<JsonNode> blocked = events("shard_blocked");
        assertThat(blocked).hasSize(2);
        assertThat(blocked).allSatisfy(e -> assertThat(e.path("firstSequenceNumber").asText())
                .isEqualTo(KinesisEvents.sequenceNumber(0)));
        assertThat(blocked).extracting(e -> e.path("delayMs").asLong()).containsExactly(100L, 200L);
        assertThat(events("shard_unblocked")).singleElement()
                .satisfies(e -> assertThat(e.path("retries").asInt()).isEqualTo(2));
        metrics.flush();
        assertThat(published).filteredOn(m -> m.name().equals(Metric.BLOCKED_SHARD_RETRIES.id())).hasSize(2);
    }

    @Test
    void writesOneWorkerTokenSummaryPerProcessRecordsCallCoveringItsBatchesAndRetries() {
        SentimentRecordProcessor processor = processor(failing("shard post 0", 1), 5, 5);

        processor.processRecords(records(10));

        assertThat(events("invocation_summary")).isEmpty();
        assertThat(events("worker_summary")).singleElement().satisfies(summary -> {
            assertThat(summary.path("kinesisRecords").asInt()).isEqualTo(10);
            // Two answered calls (batch 1's retry and batch 2) of 5 posts: 5 x 30 + 5 x 6 tokens each.
            assertThat(summary.path("apiCalls").asInt()).isEqualTo(2);
            assertThat(summary.path("totalTokens").asLong()).isEqualTo(360);
            assertThat(summary.path("failedCalls").asInt()).isEqualTo(1);
            assertThat(summary.path("message").asText()).startsWith(
                    "Worker token summary: Total tokens: 360 (Input: 300, Output: 60), API calls: 2, "
                            + "Posts analyzed: 10, ");
        });
    }

    @Test
    void checkpointsUpToTheRecordBeforeTheFirstFailedOneWhileBlocked() {
        // Model batches of 2 inside a shard batch of 5: posts 0-1 succeed, 2-3 fail once, 4 is not sent.
        SentimentRecordProcessor processor = processor(failing("shard post 2", 1), 2, 5);

        processor.processRecords(records(5));

        assertThat(checkpoints()).containsExactly(KinesisEvents.sequenceNumber(1), KinesisEvents.sequenceNumber(4));
        assertThat(events("shard_blocked")).singleElement().satisfies(e -> {
            assertThat(e.path("firstSequenceNumber").asText()).isEqualTo(KinesisEvents.sequenceNumber(2));
            assertThat(e.path("records").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aStopDuringTheLastCallOfAClosedShardLeavesItsEndUncheckpointedSoTheSkippedRecordsComeAgain() {
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5);
        duringCall = () -> stopping.stop = true; // SIGTERM while the first batch is with the model

        processor.processRecords(records(10));
        shardEnds(processor);

        assertThat(postsSent()).containsExactly("shard post 0", "shard post 1", "shard post 2", "shard post 3",
                "shard post 4");
        assertThat(checkpoints()).as("the batch in flight is checkpointed, the shard end is not: records 5-9 have "
                + "no outcome").containsExactly(KinesisEvents.sequenceNumber(4));
    }

    @Test
    void aStopWhileBlockedLeavesTheShardEndUncheckpointed() {
        // Model batches of 2 inside a shard batch of 5: posts 0-1 succeed, 2-3 keep failing, 4 is not sent.
        SentimentRecordProcessor processor = processor(failing("shard post 2", 100), 2, 5);
        stopping.onAwait = () -> stopping.stop = true;

        processor.processRecords(records(5));
        shardEnds(processor);

        assertThat(checkpoints()).as("records 0-1 have an outcome, 2-4 do not")
                .containsExactly(KinesisEvents.sequenceNumber(1));
    }

    @Test
    void aCallThatArrivesBetweenTheStopAndTheGracefulShutdownIsNeitherAnalysedNorCheckpointed() {
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5);
        duringCall = () -> stopping.stop = true;

        processor.processRecords(records(0, 10));
        processor.processRecords(records(10, 15)); // KCL keeps delivering until startGracefulShutdown reaches it

        assertThat(postsSent()).hasSize(5).doesNotContain("shard post 10");
        assertThat(checkpoints()).as("records 5-9 were skipped: nothing may be checkpointed past them")
                .containsExactly(KinesisEvents.sequenceNumber(4));
    }

    @Test
    void aBlockedShardStopsRetryingOnceItsLeaseIsGone() {
        SentimentRecordProcessor processor = processor(failing("shard post 0", 5), 5, 5);
        AtomicInteger waits = new AtomicInteger();
        AtomicInteger callsWhenLost = new AtomicInteger(-1);
        stopping.onAwait = () -> {
            if (waits.incrementAndGet() == 2) { // another worker takes the lease during the second backoff
                checkpointer.loseLease();
                callsWhenLost.set(sent.size());
            }
        };

        processor.processRecords(records(5));

        assertThat(sent).as("model calls once the lease was gone").hasSize(callsWhenLost.get());
        assertThat(checkpointer.prepared()).as("the retry while the lease was held asked for it first")
                .extracting(ExtendedSequenceNumber::sequenceNumber).containsExactly(KinesisEvents.sequenceNumber(0));
        assertThat(checkpoints()).isEmpty();
        assertThat(events("lease_lost")).hasSize(1);
    }

    @Test
    void aProcessorThatFoundItsLeaseGoneAnalysesNothingMore() {
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5);
        duringCall = checkpointer::loseLease; // the batch's checkpoint is refused

        processor.processRecords(records(0, 5));
        processor.processRecords(records(5, 10)); // delivered before KCL's scheduler notices

        assertThat(postsSent()).hasSize(5).doesNotContain("shard post 5");
        assertThat(checkpoints()).isEmpty();
    }

    @Test
    void aNewOwnerSaysWhereThePreviousOneWasBlocked() {
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5);

        processor.initialize(InitializationInput.builder().shardId("shardId-000000000001")
                .extendedSequenceNumber(new ExtendedSequenceNumber(KinesisEvents.sequenceNumber(1)))
                .pendingCheckpointSequenceNumber(new ExtendedSequenceNumber(KinesisEvents.sequenceNumber(2)))
                .build());

        assertThat(events("shard_started")).singleElement().satisfies(e -> {
            assertThat(e.path("checkpoint").asText()).contains(KinesisEvents.sequenceNumber(1));
            assertThat(e.path("previousOwnerBlockedAt").asText()).contains(KinesisEvents.sequenceNumber(2));
        });
    }

    /**
     * Every event the worker writes is declared for it in the events module, and every saved query attached to the
     * worker's log group reads events the worker does write: a blocked shard that recovers, an invalid record, the
     * shard's end.
     */
    @Test
    void writesOnlyDeclaredEventsAndWhatEverySavedQueryReads() {
        SentimentRecordProcessor processor = processor(failing("shard post 0", 1), 5, 5);
        processor.initialize(InitializationInput.builder().shardId("shardId-000000000000")
                .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON).build());
        ProcessRecordsInput input = records(5);
        List<KinesisClientRecord> withInvalid = new ArrayList<>(input.records());
        withInvalid.add(KinesisClientRecord.builder().sequenceNumber(KinesisEvents.sequenceNumber(5))
                .partitionKey("user").data(ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8))).build());
        checkpointer.delivered(withInvalid.get(withInvalid.size() - 1));

        processor.processRecords(ProcessRecordsInput.builder().records(withInvalid).checkpointer(checkpointer).build());
        shardEnds(processor);

        java.util.Set<String> written = logLines.documents().stream().map(e -> e.path("event").asText())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(written).allSatisfy(event -> assertThat(LogEvent.byId(event))
                .as("event %s is declared for the worker", event)
                .hasValueSatisfying(declared -> assertThat(declared.writtenBy(Writer.WORKER)).isTrue()));
        assertThat(SavedQuery.ALL).allSatisfy(query -> assertThat(query.events())
                .as("a saved query on the worker's log group reads what it wrote: %s", query.name())
                .anyMatch(event -> written.contains(event.id())));
    }

    @Test
    void writesEachBatchsRowsThroughTheSameSinkBeforeItsCheckpoint() throws Exception {
        S3Mock s3 = S3Mock.shared();
        s3.createBucket("worker-results");
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5,
                resultsTo("worker-results"));
        processor.initialize(InitializationInput.builder().shardId("shardId-000000000003")
                .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON).build());

        processor.processRecords(records(10));

        assertThat(checkpoints()).containsExactly(KinesisEvents.sequenceNumber(4), KinesisEvents.sequenceNumber(9));
        List<String> keys = s3.keys("worker-results");
        String shard = "/" + STREAM + "/shardId-000000000003/";
        assertThat(keys).as("each batch under its first record's arrival hour").filteredOn(k -> k.startsWith("posts/"))
                .containsExactly("posts/dt=2026-12-01/hour=07" + shard + KinesisEvents.sequenceNumber(0) + "-"
                                + KinesisEvents.sequenceNumber(4) + ".jsonl.gz",
                        "posts/dt=2026-12-01/hour=08" + shard + KinesisEvents.sequenceNumber(5) + "-"
                                + KinesisEvents.sequenceNumber(9) + ".jsonl.gz");
        assertThat(keys).filteredOn(k -> k.startsWith("calls/")).hasSize(2);
        var objects = s3.objects("worker-results");
        assertThat(ResultRows.of(objects, Dataset.POSTS)).extracting(r -> r.path("sequence_number").asText())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(KinesisEvents::sequenceNumber).toList());
        assertThat(ResultRows.of(objects, Dataset.POSTS)).allSatisfy(r -> {
            assertThat(r.path("outcome").asText()).isEqualTo("scored");
            assertThat(r.path("stream").asText()).isEqualTo(STREAM);
        });
        assertThat(ResultRows.of(objects, Dataset.CALLS).stream().mapToLong(r -> r.path("total_tokens").asLong())
                .sum()).as("10 posts, 30 + 6 tokens each").isEqualTo(360);
    }

    @Test
    void aFailingSinkBlocksTheShardAndTheSameWriteIsRetriedWithoutCallingTheModelAgain() throws Exception {
        S3Mock s3 = S3Mock.shared();
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5,
                resultsTo("worker-results-later"));
        AtomicInteger waits = new AtomicInteger();
        stopping.onAwait = () -> {
            if (waits.incrementAndGet() == 2) {
                s3.createBucket("worker-results-later"); // the operator fixes the bucket during the second backoff
            }
        };

        processor.processRecords(records(5));

        assertThat(sent).as("one model call: the retries only write").hasSize(1);
        assertThat(events("results_write_failed")).hasSize(2).allSatisfy(e -> {
            assertThat(e.path("bucket").asText()).isEqualTo("worker-results-later");
            assertThat(e.path("records").asInt()).isEqualTo(5);
            assertThat(e.path("firstSequenceNumber").asText()).isEqualTo(KinesisEvents.sequenceNumber(0));
        });
        assertThat(events("shard_blocked")).hasSize(2);
        assertThat(checkpoints()).as("checkpointed once the rows were written")
                .containsExactly(KinesisEvents.sequenceNumber(4));
        assertThat(events("worker_summary")).singleElement()
                .satisfies(e -> assertThat(e.path("resultsWriteFailures").asInt()).isEqualTo(2));
        metrics.flush();
        assertThat(published).filteredOn(m -> m.name().equals(Metric.RESULTS_WRITE_FAILURES.id())).hasSize(2);
        var objects = s3.objects("worker-results-later");
        assertThat(ResultRows.of(objects, Dataset.POSTS)).hasSize(5);
        assertThat(ResultRows.of(objects, Dataset.CALLS)).hasSize(1);
    }

    @Test
    void aStopWhileTheSinkFailsCheckpointsNothingItCouldNotWrite() throws Exception {
        SentimentRecordProcessor processor = processor(failing("no such post", 0), 5, 5,
                resultsTo("worker-results-never"));
        stopping.onAwait = () -> stopping.stop = true;

        processor.processRecords(records(5));
        shardEnds(processor);

        assertThat(checkpoints()).isEmpty();
        assertThat(events("results_write_failed")).hasSize(1);
        assertThat(events("shard_stopped_short")).hasSize(1);
    }
}
