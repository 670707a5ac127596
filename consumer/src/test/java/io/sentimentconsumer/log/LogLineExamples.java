package io.sentimentconsumer.log;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallLine;
import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.account.TierTotals;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.BatchAnalyzer.Stop;
import io.sentimentconsumer.analyze.RetryLine;
import io.sentimentconsumer.kcl.ShardLine;
import io.sentimentconsumer.kcl.WorkerLine;
import io.sentimentconsumer.pipeline.BatchLine;
import io.sentimentconsumer.pipeline.IntakeLine;
import io.sentimentconsumer.pipeline.InvocationLine;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.publish.MetricsFailed;
import io.sentimentconsumer.redrive.FailureRecord;
import io.sentimentconsumer.redrive.RedriveLine;
import io.sentimentconsumer.results.ResultsLine;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ThrottlingException;

/**
 * At least one line of every kind the consumer writes, each with the JSON line it must print: the golden lines.
 * Their messages are the texts users tail and build metric filters on; change one only with
 * docs/observability.md.
 */
final class LogLineExamples {

    record Example(LogLine line, String json) {
        @Override
        public String toString() {
            return line.getClass().getSimpleName() + " " + line.event();
        }
    }

    private static final String MODEL = "amazon.nova-micro-v1:0";
    private static final String SHARD = "shardId-000000000001";
    private static final FailureRecord RANGE = new FailureRecord("shardId-000000000000", "100", "104", 5,
            "arn:aws:kinesis:us-east-2:123456789012:stream/posts", null, "RetryAttemptsExhausted");
    /** Three calls of the docs' example: 1234 input and 567 output tokens for 25 posts each. */
    private static final SummaryFigures FIGURES = new SummaryFigures(MODEL, false,
            RecordCounts.builder().positive(40).negative(20).neutral(14).unscored(1).invalid(1).truncated(2).build(),
            CallTotals.builder().usage(new TokenUsage(3702, 1701, 0, 0)).apiCalls(3).postsAnalyzed(75)
                    .costUsd(new BigDecimal("0.00036771")).attempts(new Attempts(4, 1, 0, 0))
                    .byTier(Map.of("default", new TierTotals(3, new TokenUsage(3702, 1701, 0, 0),
                            new BigDecimal("0.00036771"), 0))).build());
    private static final String FIGURES_JSON = "\"modelId\":\"amazon.nova-micro-v1:0\",\"estimated\":false,"
            + "\"recordsIn\":76,\"scored\":74,\"positive\":40,\"negative\":20,\"neutral\":14,\"unscored\":1,"
            + "\"invalid\":1,\"handedBack\":0,\"truncated\":2,\"duplicates\":0,\"reused\":0,\"inputTokens\":3702,"
            + "\"outputTokens\":1701,\"cacheReadInputTokens\":0,\"cacheWriteInputTokens\":0,\"totalTokens\":5403,"
            + "\"apiCalls\":3,\"postsAnalyzed\":75,\"avgTokensPerPost\":72.04,\"costUsd\":0.00036771,"
            + "\"unpricedCalls\":0,\"callsWithoutUsage\":0,\"failedCalls\":0,\"attempts\":4,\"throttles\":1,"
            + "\"abandonedAttempts\":0,\"byTier\":{\"default\":{\"apiCalls\":3,\"inputTokens\":3702,"
            + "\"outputTokens\":1701,\"cacheReadInputTokens\":0,\"cacheWriteInputTokens\":0,\"totalTokens\":5403,"
            + "\"costUsd\":0.00036771,\"unpricedCalls\":0}}";
    private static final String FIGURES_TEXT = "Total tokens: 5403 (Input: 3702, Output: 1701), API calls: 3, "
            + "Posts analyzed: 75, Avg tokens/post: 72.04, Total cost: $0.000368";

    private LogLineExamples() {}

    static final List<Example> ALL = List.of(
            // account
            new Example(new CallLine.Answered(MODEL, new CallRecord(1, false, 25, new TokenUsage(1234, 567, 0, 0),
                    new BigDecimal("0.00012257"), 731.59, 702L, "end_turn", new Attempts(2, 1, 0, 400)), false), """
                    {"level":"INFO","message":"Bedrock API token usage: Input tokens: 1234, Output tokens: 567, \
                    Total tokens: 1801, Posts analyzed: 25, Tokens per post: 72.04, Duration: 731.59ms, Estimated \
                    cost: $0.000123","event":"bedrock_call","modelId":"amazon.nova-micro-v1:0","batch":1,\
                    "followUp":false,"inputTokens":1234,"outputTokens":567,"cacheReadInputTokens":0,\
                    "cacheWriteInputTokens":0,"totalTokens":1801,"posts":25,"tokensPerPost":72.04,\
                    "durationMs":731.59,"latencyMs":702,"costUsd":0.00012257,"stopReason":"end_turn","attempts":2,\
                    "throttles":1,"estimated":false,"servedTier":"default"}"""),
            new Example(new CallLine.Answered(MODEL, new CallRecord(1, false, 25, new TokenUsage(1234, 567, 0, 0),
                    new BigDecimal("0.000061285"), 731.59, 702L, "end_turn", Attempts.ONE, "flex"), false), """
                    {"level":"INFO","message":"Bedrock API token usage: Input tokens: 1234, Output tokens: 567, \
                    Total tokens: 1801, Posts analyzed: 25, Tokens per post: 72.04, Duration: 731.59ms, Estimated \
                    cost: $0.000061, Service tier: flex","event":"bedrock_call","modelId":"amazon.nova-micro-v1:0",\
                    "batch":1,"followUp":false,"inputTokens":1234,"outputTokens":567,"cacheReadInputTokens":0,\
                    "cacheWriteInputTokens":0,"totalTokens":1801,"posts":25,"tokensPerPost":72.04,\
                    "durationMs":731.59,"latencyMs":702,"costUsd":0.000061285,"stopReason":"end_turn","attempts":1,\
                    "throttles":0,"estimated":false,"servedTier":"flex"}"""),
            new Example(new CallLine.Answered("offline-lexicon", new CallRecord(2, true, 2,
                    new TokenUsage(100, 20, 30, 0), null, 5, null, null, Attempts.ONE), true), """
                    {"level":"INFO","message":"Bedrock API token usage (estimated): Input tokens: 100, Output \
                    tokens: 20, Total tokens: 150, Posts analyzed: 2, Tokens per post: 75.00, Duration: 5.00ms, \
                    Estimated cost: unpriced, Cache read tokens: 30, Cache write tokens: 0",\
                    "event":"bedrock_call","modelId":"offline-lexicon","batch":2,"followUp":true,"inputTokens":100,\
                    "outputTokens":20,"cacheReadInputTokens":30,"cacheWriteInputTokens":0,"totalTokens":150,\
                    "posts":2,"tokensPerPost":75.00,"durationMs":5.0,"latencyMs":null,"costUsd":null,\
                    "stopReason":null,"attempts":1,"throttles":0,"estimated":true,"servedTier":"default"}"""),
            new Example(new CallLine.WithoutUsage(MODEL, 3), """
                    {"level":"WARN","message":"Bedrock API call returned no token usage; its tokens cannot be \
                    counted","event":"bedrock_call_without_usage","modelId":"amazon.nova-micro-v1:0","batch":3}"""),

            // analyze
            new Example(new RetryLine.Unanswered(RetryLine.How.FOLLOW_UP, 2, 5, 3,
                    Map.of("score is not a number", 1, "no answer line", 2), "end_turn"), """
                    {"level":"INFO","message":"Batch 2: 3 of 5 posts got no usable answer line {no answer line=2, \
                    score is not a number=1}; asking again in one follow-up call","event":"follow_up","batch":2,\
                    "posts":5,"postsWithoutScore":3,"problems":{"no answer line":2,"score is not a number":1},\
                    "stopReason":"end_turn"}"""),
            new Example(new RetryLine.Unanswered(RetryLine.How.IN_HALVES, 4, 8, 8, Map.of("no answer line", 8),
                    "max_tokens"), """
                    {"level":"INFO","message":"Batch 4: 8 of 8 posts got no usable answer line {no answer line=8}; \
                    the answer was cut off at maxTokens, asking again in halves","event":"split","batch":4,\
                    "posts":8,"postsWithoutScore":8,"problems":{"no answer line":8},"stopReason":"max_tokens"}"""),
            new Example(new RetryLine.Rejected(4, 8, "Input is too long for requested model."), """
                    {"level":"INFO","message":"Batch 4: the model rejected a request of 8 posts; splitting it in \
                    halves","event":"split","batch":4,"posts":8,"error":"Input is too long for requested model."}"""),

            // pipeline
            new Example(new IntakeLine.Invalid("101", null, "data is not JSON (line 1, column 1)"), """
                    {"level":"WARN","message":"Invalid record 101: data is not JSON (line 1, column 1)",\
                    "event":"invalid_record","sequenceNumber":"101","reason":"data is not JSON (line 1, column 1)"}\
                    """),
            new Example(new IntakeLine.Invalid("102", 3, "post has no content"), """
                    {"level":"WARN","message":"Invalid record 102 (user record 3): post has no content",\
                    "event":"invalid_record","sequenceNumber":"102","subSequenceNumber":3,\
                    "reason":"post has no content"}"""),
            new Example(new IntakeLine.MoreInvalid(5, Map.of("post has no content", 1, "data is not JSON", 4)), """
                    {"level":"WARN","message":"5 more invalid records, not logged one by one: {data is not JSON=4, \
                    post has no content=1}","event":"invalid_records_more","records":5,\
                    "byReason":{"data is not JSON":4,"post has no content":1}}"""),
            new Example(new IntakeLine.Reused(7), """
                    {"level":"INFO","message":"7 records were finished by an earlier delivery to this environment; \
                    their outcomes are reused without a model call","event":"outcomes_reused","records":7}"""),
            new Example(new BatchLine.Stopped(new Stop(Stop.Reason.CALL_FAILED, "InternalServerException"), 3, 7,
                    "103"), """
                    {"level":"WARN","message":"Batch 3 failed after retries; handing back 7 records from sequence \
                    number 103: InternalServerException","event":"batch_handed_back","batch":3,"records":7,\
                    "firstSequenceNumber":"103","error":"InternalServerException"}"""),
            new Example(new BatchLine.Stopped(new Stop(Stop.Reason.DEADLINE,
                    "not sent: too close to the invocation's deadline"), 4, 6, "110"), """
                    {"level":"WARN","message":"Batch 4: no time left for another model call before the deadline; \
                    handing back 6 records from sequence number 110","event":"deadline_reached","batch":4,\
                    "records":6,"firstSequenceNumber":"110","error":"not sent: too close to the invocation's \
                    deadline"}"""),
            new Example(new BatchLine.Stopped(new Stop(Stop.Reason.CONFIGURATION,
                    "Bedrock rejected the call: AccessDeniedException. Fix: enable access to the model."), 1, 5,
                    "100"), """
                    {"level":"ERROR","message":"Bedrock rejected the call: AccessDeniedException. Fix: enable \
                    access to the model. All records are handed back until it is fixed.",\
                    "event":"model_configuration_error","batch":1,"records":5,"firstSequenceNumber":"100",\
                    "error":"Bedrock rejected the call: AccessDeniedException. Fix: enable access to the model."}\
                    """),
            new Example(new BatchLine.Failed(2, IllegalStateException.class), """
                    {"level":"ERROR","message":"Batch 2 failed unexpectedly (java.lang.IllegalStateException); \
                    handing its records back","event":"batch_error","batch":2}"""),
            new Example(new BatchLine.NotSent(16, 3), """
                    {"level":"WARN","message":"16 records of later batches were not sent to the model because batch \
                    3 stopped; they are handed back","event":"batches_not_sent","records":16,"stoppedBatch":3}"""),
            new Example(new InvocationLine.Unpriced("amazon.titan-text-lite-v1", null), """
                    {"level":"WARN","message":"No price for model amazon.titan-text-lite-v1 in the price table: \
                    costs are reported as unpriced, BedrockCost is not published and UnpricedCalls counts the \
                    calls","event":"unpriced_model","modelId":"amazon.titan-text-lite-v1"}"""),
            new Example(new InvocationLine.Unpriced("amazon.nova-micro-v1:0", "no price for amazon.nova-micro-v1:0 "
                    + "in ap-south-1, in-region, default tier"), """
                    {"level":"WARN","message":"No price for model amazon.nova-micro-v1:0 in the price table: \
                    costs are reported as unpriced, BedrockCost is not published and UnpricedCalls counts the \
                    calls","event":"unpriced_model","modelId":"amazon.nova-micro-v1:0","reason":"no price for \
                    amazon.nova-micro-v1:0 in ap-south-1, in-region, default tier"}"""),
            new Example(new InvocationLine.PriceTableStale("The price table's newest price is from 2025-06-01, "
                    + "183 days ago", "bundled", "2025-06-01"), """
                    {"level":"WARN","message":"The price table's newest price is from 2025-06-01, 183 days ago",\
                    "event":"price_table_stale","priceTable":"bundled","newestAsOf":"2025-06-01"}"""),
            new Example(new InvocationLine.Failed(NullPointerException.class), """
                    {"level":"ERROR","message":"Invocation failed part-way (NullPointerException); records without \
                    an outcome are handed back","event":"invocation_failed","error":"java.lang.NullPointerException"}\
                    """),
            new Example(new InvocationLine.Interrupted(), """
                    {"level":"ERROR","message":"Invocation interrupted; records without an outcome are handed back",\
                    "event":"invocation_interrupted"}"""),
            new Example(new InvocationLine.Summary("Lambda invocation token summary", MODEL, false,
                    new InvocationReport(List.of(), FIGURES.counts(), FIGURES.totals(), List.of(), 76,
                            new InvocationReport.Pacing(12.345, 0, 4, false), Map.of("data is not JSON", 1), 1),
                    1234.567), """
                    {"level":"INFO","message":"Lambda invocation token summary: %s","event":"invocation_summary",\
                    %s,"kinesisRecords":76,"slotWaitMs":12.35,"retryWaitMs":0.0,"concurrencyLimit":4.0,\
                    "deadlineReached":false,"invalidByReason":{"data is not JSON":1},"metricsFailures":1,\
                    "resultsWriteFailures":0,"durationMs":1234.57}""".formatted(FIGURES_TEXT, FIGURES_JSON)),
            new Example(new InvocationLine.Summary("Redrive range token summary", MODEL, false,
                    new InvocationReport(List.of(), FIGURES.counts(), FIGURES.totals(), List.of(), 76,
                            new InvocationReport.Pacing(0, 250.5, 1.5, true), Map.of(), 0, 1), 80), """
                    {"level":"INFO","message":"Redrive range token summary: %s","event":"invocation_summary",\
                    %s,"kinesisRecords":76,"slotWaitMs":0.0,"retryWaitMs":250.5,"concurrencyLimit":1.5,\
                    "deadlineReached":true,"metricsFailures":0,"resultsWriteFailures":1,"durationMs":80.0}"""
                    .formatted(FIGURES_TEXT, FIGURES_JSON)),

            // results
            new Example(new ResultsLine.WriteFailed("sentiment-results", "calls/dt=2026-12-01/hour=07/s/"
                    + "shardId-000000000001/101-176.req-1.jsonl.gz", 76, "101",
                    "software.amazon.awssdk.services.s3.model.NoSuchBucketException", "cannot write s3://"
                    + "sentiment-results/calls/...: The specified bucket does not exist"), """
                    {"level":"ERROR","message":"Results not written (cannot write s3://sentiment-results/calls/...: \
                    The specified bucket does not exist): 76 records from sequence number 101 are handed back and \
                    will be delivered again. Fix: let the runtime's role put objects in the bucket (and use its KMS \
                    key), or check that the bucket exists","event":"results_write_failed",\
                    "bucket":"sentiment-results","key":"calls/dt=2026-12-01/hour=07/s/shardId-000000000001/\
                    101-176.req-1.jsonl.gz","records":76,"firstSequenceNumber":"101",\
                    "error":"software.amazon.awssdk.services.s3.model.NoSuchBucketException"}"""),

            // publish
            new Example(new MetricsFailed(UncheckedIOException.class, "connection refused", null), """
                    {"level":"WARN","message":"Metrics could not be published (UncheckedIOException: connection \
                    refused); records are not affected","event":"metrics_failed",\
                    "error":"java.io.UncheckedIOException"}"""),
            new Example(new MetricsFailed(UncheckedIOException.class, "connection refused", 42), """
                    {"level":"WARN","message":"Metrics could not be published (UncheckedIOException: connection \
                    refused); 42 measurements dropped, records are not affected","event":"metrics_failed",\
                    "error":"java.io.UncheckedIOException","measurements":42}"""),

            // redrive
            new Example(new RedriveLine.Range("m-1", RANGE, 5, 2), """
                    {"level":"INFO","message":"Message m-1: stream posts, shardId-000000000000, sequence numbers 100 \
                    to 104 (5 records), sent to the queue on RetryAttemptsExhausted: read 5 records in 2 Kinesis \
                    requests","event":"redrive_range","messageId":"m-1","shardId":"shardId-000000000000",\
                    "startSequenceNumber":"100","endSequenceNumber":"104","batchSize":5,"records":5}"""),
            new Example(new RedriveLine.Unreadable("m-2", RANGE, "the shard is gone"), """
                    {"level":"ERROR","message":"Message m-2: stream posts, shardId-000000000000, sequence numbers \
                    100 to 104 (5 records) cannot be read: the shard is gone. The message stays in the queue",\
                    "event":"redrive_unreadable","messageId":"m-2","shardId":"shardId-000000000000",\
                    "startSequenceNumber":"100","endSequenceNumber":"104","batchSize":5}"""),
            new Example(new RedriveLine.LargerThanBatch(8, 5), """
                    {"level":"WARN","message":"The range holds 8 records, more than the batch's 5: with a \
                    ParallelizationFactor above 1 it holds other batches' records too, and they are scored again",\
                    "event":"redrive_range_larger_than_batch"}"""),
            new Example(new RedriveLine.Lost(RANGE, 3), """
                    {"level":"ERROR","message":"Lost 3 records past the stream's retention (stream posts, \
                    shardId-000000000000, sequence numbers 100 to 104 (5 records))","event":"redrive_lost",\
                    "shardId":"shardId-000000000000","startSequenceNumber":"100","endSequenceNumber":"104",\
                    "lost":3}"""),
            new Example(new RedriveLine.Done("m-1",
                    RecordCounts.builder().positive(2).negative(1).unscored(1).invalid(1).build()), """
                    {"level":"INFO","message":"Message m-1: every record has its outcome (3 scored, 1 unscored, 1 \
                    invalid); deleting the message","event":"redrive_done","messageId":"m-1"}"""),
            new Example(new RedriveLine.Kept("m-3", 4), """
                    {"level":"ERROR","message":"Message m-3: 4 records were handed back (see the errors above); the \
                    message stays in the queue and is visible again now. Stopping: the rest of the queue is left \
                    for the next redrive","event":"redrive_kept","messageId":"m-3"}"""),
            new Example(new RedriveLine.NotAFailureRecord("m-4", "KinesisBatchInfo.shardId is missing"), """
                    {"level":"WARN","message":"Message m-4 is not a Lambda failure record (KinesisBatchInfo.shardId \
                    is missing); it stays in the queue","event":"redrive_not_a_failure_record","messageId":"m-4"}\
                    """),
            new Example(new RedriveLine.ReleaseFailed("m-5", "Service unavailable"), """
                    {"level":"WARN","message":"Message m-5 could not be made visible again (Service unavailable); \
                    it will be when its 15 minutes are over","event":"redrive_release_failed","messageId":"m-5"}"""),
            new Example(new RedriveLine.DeleteFailed("m-1", "Service unavailable"), """
                    {"level":"ERROR","message":"Message m-1 could not be deleted (Service unavailable): it stays in \
                    the queue, and the next redrive scores its range again","event":"redrive_delete_failed",\
                    "messageId":"m-1"}"""),

            // kcl
            new Example(new WorkerLine.Started("worker-1", "posts", "sentiment-consumer-posts", false), """
                    {"level":"INFO","message":"Worker worker-1 starting: stream posts, application \
                    sentiment-consumer-posts, polling","event":"worker_started","workerId":"worker-1",\
                    "stream":"posts","application":"sentiment-consumer-posts"}"""),
            new Example(new WorkerLine.Started("worker-2", "posts", "fan-out-app", true), """
                    {"level":"INFO","message":"Worker worker-2 starting: stream posts, application fan-out-app, \
                    enhanced fan-out","event":"worker_started","workerId":"worker-2","stream":"posts",\
                    "application":"fan-out-app"}"""),
            new Example(new WorkerLine.Stopping("worker-1"), """
                    {"level":"INFO","message":"Worker worker-1 stopping: finishing batches in flight and \
                    checkpointing","event":"worker_stopping","workerId":"worker-1"}"""),
            new Example(new WorkerLine.ShutdownIncomplete(TimeoutException.class), """
                    {"level":"WARN","message":"Graceful shutdown did not complete (TimeoutException); stopping now",\
                    "event":"worker_shutdown_incomplete","error":"java.util.concurrent.TimeoutException"}"""),
            new Example(new WorkerLine.Failed(), """
                    {"level":"ERROR","message":"The KCL scheduler stopped by itself (see its log above); exiting",\
                    "event":"worker_failed"}"""),
            new Example(new WorkerLine.Summary(SHARD, 76, FIGURES, 1, 52.456), """
                    {"level":"INFO","message":"Worker token summary: %s","event":"worker_summary",\
                    "shardId":"shardId-000000000001","kinesisRecords":76,%s,"resultsWriteFailures":1,\
                    "durationMs":52.46}"""
                    .formatted(FIGURES_TEXT, FIGURES_JSON)),
            new Example(new WorkerLine.Cumulative(FIGURES, 2, 3, 60_000), """
                    {"level":"INFO","message":"Worker cumulative token summary: %s",\
                    "event":"worker_cumulative_summary",%s,"metricsFailures":2,"resultsWriteFailures":3,\
                    "uptimeMs":60000}"""
                    .formatted(FIGURES_TEXT, FIGURES_JSON)),
            new Example(new ShardLine.Started(SHARD, "TRIM_HORIZON", null), """
                    {"level":"INFO","message":"Shard shardId-000000000001: leased, starting after TRIM_HORIZON",\
                    "event":"shard_started","shardId":"shardId-000000000001","checkpoint":"TRIM_HORIZON"}"""),
            new Example(new ShardLine.Started(SHARD, "101", "105"), """
                    {"level":"INFO","message":"Shard shardId-000000000001: leased, starting after 101; the previous \
                    owner was blocked at 105","event":"shard_started","shardId":"shardId-000000000001",\
                    "checkpoint":"101","previousOwnerBlockedAt":"105"}"""),
            new Example(new ShardLine.Blocked(SHARD, "101", 3, 2, Duration.ofMillis(200)), """
                    {"level":"WARN","message":"Shard shardId-000000000001 blocked: 3 records from sequence number \
                    101 have no outcome; retry 2 in 200 ms; not checkpointing past them","event":"shard_blocked",\
                    "shardId":"shardId-000000000001","firstSequenceNumber":"101","records":3,"retry":2,\
                    "delayMs":200}"""),
            new Example(new ShardLine.Unblocked(SHARD, 2), """
                    {"level":"INFO","message":"Shard shardId-000000000001 unblocked after 2 retries",\
                    "event":"shard_unblocked","shardId":"shardId-000000000001","retries":2}"""),
            new Example(new ShardLine.StoppedShort(SHARD, "a stop was requested", "106"), """
                    {"level":"WARN","message":"Shard shardId-000000000001: stopping short (a stop was requested); \
                    records from sequence number 106 on have no outcome, are not checkpointed and will be \
                    delivered again","event":"shard_stopped_short","shardId":"shardId-000000000001",\
                    "reason":"a stop was requested","firstSequenceNumber":"106"}"""),
            new Example(new ShardLine.LeaseGone(SHARD), """
                    {"level":"INFO","message":"Shard shardId-000000000001: lease no longer held; stopping without \
                    checkpointing","event":"lease_lost","shardId":"shardId-000000000001"}"""),
            new Example(new ShardLine.LeaseLost(SHARD), """
                    {"level":"INFO","message":"Shard shardId-000000000001: lease lost; stopping without \
                    checkpointing","event":"lease_lost","shardId":"shardId-000000000001"}"""),
            new Example(new ShardLine.Ended(SHARD), """
                    {"level":"INFO","message":"Shard shardId-000000000001 ended and is checkpointed at its end",\
                    "event":"shard_ended","shardId":"shardId-000000000001"}"""),
            new Example(new ShardLine.EndNotCheckpointed(SHARD, "a stop was requested"), """
                    {"level":"WARN","message":"Shard shardId-000000000001 ended, but this processor stopped short (a \
                    stop was requested): not checkpointing its end, so that its last records are delivered again; \
                    the child shards start after that","event":"shard_end_not_checkpointed",\
                    "shardId":"shardId-000000000001","reason":"a stop was requested"}"""),
            new Example(new ShardLine.EndCheckpointFailed(SHARD, InvalidStateException.class), """
                    {"level":"ERROR","message":"Shard shardId-000000000001: cannot checkpoint its end \
                    (InvalidStateException)","event":"checkpoint_failed","shardId":"shardId-000000000001",\
                    "error":"software.amazon.kinesis.exceptions.InvalidStateException"}"""),
            new Example(new ShardLine.CheckpointDeferred(SHARD, 5, ThrottlingException.class), """
                    {"level":"WARN","message":"Shard shardId-000000000001: checkpoint failed 5 times \
                    (ThrottlingException); the next checkpoint covers these records","event":"checkpoint_failed",\
                    "shardId":"shardId-000000000001","error":"software.amazon.kinesis.exceptions.ThrottlingException"}\
                    """),
            new Example(new ShardLine.CheckpointRefused(SHARD, InvalidStateException.class, "lease table is gone"),
                    """
                    {"level":"ERROR","message":"Shard shardId-000000000001: checkpoint failed (lease table is gone)",\
                    "event":"checkpoint_failed","shardId":"shardId-000000000001",\
                    "error":"software.amazon.kinesis.exceptions.InvalidStateException"}"""),
            new Example(new ShardLine.Shutdown(SHARD, "105"), """
                    {"level":"INFO","message":"Shard shardId-000000000001: shutting down, checkpointed at 105",\
                    "event":"shard_shutdown","shardId":"shardId-000000000001","checkpoint":"105"}"""),
            new Example(new ShardLine.Shutdown(SHARD, null), """
                    {"level":"INFO","message":"Shard shardId-000000000001: shutting down, checkpointed at nothing \
                    new","event":"shard_shutdown","shardId":"shardId-000000000001","checkpoint":""}"""));
}
