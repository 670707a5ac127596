package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.post;
import static io.sentimentconsumer.testing.KinesisEvents.posts;
import static io.sentimentconsumer.testing.KinesisEvents.sequenceNumber;
import static io.sentimentconsumer.testing.ConsumerUnderTest.failures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.account.UsageLines;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.events.SavedQuery;
import io.sentimentconsumer.events.Writer;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Answer;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lambda handler end to end over HTTP against a fake Bedrock: the product's promises, one by one. */
class KinesisSentimentHandlerTest {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static ConsumerUnderTest consumer(Map<String, String> settings) {
        return new ConsumerUnderTest(bedrock, settings);
    }

    @Test
    void sendsEachBatchUnderThePromptContract() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of("BATCH_SIZE", "25"));

        consumer.handle(event(posts(30)));

        // The two batches run concurrently, so they may reach Bedrock in either order.
        List<FakeBedrock.Call> calls = bedrock.calls().stream()
                .sorted(java.util.Comparator.comparingInt(c -> -c.posts().size())).toList();
        assertThat(calls).hasSize(2);
        FakeBedrock.Call first = calls.get(0);
        assertThat(first.rawPath()).isEqualTo("/model/amazon.nova-micro-v1%3A0/converse");
        assertThat(first.modelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(first.system()).isEqualTo(PromptContract.SYSTEM);
        assertThat(first.body().path("messages")).hasSize(1);
        assertThat(first.body().path("messages").path(0).path("role").asText()).isEqualTo("user");
        String user = first.body().path("messages").path(0).path("content").path(0).path("text").asText();
        String[] lines = user.split("\n");
        assertThat(lines).hasSize(25);
        for (int n = 1; n <= 25; n++) {
            assertThat(lines[n - 1]).isEqualTo(n + "|Post number " + n + " about the weather, which was fine " + n);
        }
        assertThat(first.temperature()).isZero();
        assertThat(first.maxTokens()).isEqualTo(PromptContract.maxTokensFor(25)).isLessThan(2000);
        assertThat(calls.get(1).posts()).hasSize(5);
        assertThat(calls.get(1).maxTokens()).isEqualTo(PromptContract.maxTokensFor(5));
    }

    @Test
    void scoresEveryPostWithTheScoreTheModelGaveIt() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(60)));

        assertThat(failures(response)).isEmpty();
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes()).hasSize(60).allMatch(o -> o.kind() == RecordOutcome.Kind.SCORED);
        for (int i = 0; i < 60; i++) {
            RecordOutcome outcome = report.outcomes().get(i);
            int n = i + 1;
            assertThat(outcome.sequenceNumber()).isEqualTo(sequenceNumber(i));
            assertThat(outcome.postId()).isEqualTo("post-" + n);
            assertThat(outcome.score())
                    .isEqualTo(FakeBedrock.scoreOf("Post number " + n + " about the weather, which was fine " + n));
        }
        assertThat(report.counts().scored()).isEqualTo(60);
    }

    @Test
    void accountsForEveryCallExactlyAsBedrockReportedIt() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(60)));

        List<JsonNode> callLines = consumer.logEvents("bedrock_call");
        assertThat(callLines).hasSize(3);
        TokenUsage billed = bedrock.billed();
        long input = 0;
        long output = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode line : callLines) {
            input += line.path("inputTokens").asLong();
            output += line.path("outputTokens").asLong();
            cost = cost.add(line.path("costUsd").decimalValue());
            assertThat(line.path("message").asText()).startsWith("Bedrock API token usage: Input tokens: "
                    + line.path("inputTokens").asLong() + ", Output tokens: " + line.path("outputTokens").asLong());
            assertThat(line.path("latencyMs").asLong()).isPositive();
            assertThat(line.path("durationMs").asDouble()).isPositive();
        }
        assertThat(input).isEqualTo(billed.inputTokens());
        assertThat(output).isEqualTo(billed.outputTokens());

        JsonNode summary = consumer.summary();
        BigDecimal expectedCost = new BigDecimal("0.035").multiply(BigDecimal.valueOf(billed.inputTokens()))
                .add(new BigDecimal("0.14").multiply(BigDecimal.valueOf(billed.outputTokens())))
                .movePointLeft(6);
        assertThat(summary.path("costUsd").decimalValue()).isEqualByComparingTo(expectedCost);
        assertThat(cost).isEqualByComparingTo(expectedCost);
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(billed.totalTokens());
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(3);
        assertThat(summary.path("postsAnalyzed").asInt()).isEqualTo(60);
        assertThat(summary.path("message").asText()).isEqualTo(UsageLines.summary(
                KinesisSentimentHandler.SUMMARY_TITLE, consumer.lastReport().totals(), false));
        assertThat(summary.path("message").asText()).startsWith("Lambda invocation token summary: Total tokens: "
                + billed.totalTokens() + " (Input: " + billed.inputTokens() + ", Output: " + billed.outputTokens()
                + "), API calls: 3, Posts analyzed: 60, Avg tokens/post: ");
    }

    @Test
    void pricesCacheTokensAndShowsThemOnTheLine() {
        bedrock.script(call -> FakeBedrock.answer(call, call.posts().size())
                .withUsage(new TokenUsage(400, 60, 1000, 200)));
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(5)));

        JsonNode line = consumer.logEvents("bedrock_call").get(0);
        // 400 x 0.035 + 60 x 0.14 + 1000 x 0.00875 + 200 x 0.035 = 38.15 micro-dollars
        assertThat(line.path("costUsd").decimalValue()).isEqualByComparingTo("0.00003815");
        assertThat(line.path("totalTokens").asLong()).isEqualTo(1660);
        assertThat(line.path("message").asText()).isEqualTo("Bedrock API token usage: Input tokens: 400, "
                + "Output tokens: 60, Total tokens: 1660, Posts analyzed: 5, Tokens per post: 332.00, Duration: "
                + String.format(java.util.Locale.ROOT, "%.2f", line.path("durationMs").asDouble())
                + "ms, Estimated cost: $0.000038, Cache read tokens: 1000, Cache write tokens: 200");
    }

    @Test
    void retriesAThrottledCallInsideTheSdkAndCountsTheThrottle() {
        AtomicInteger requests = new AtomicInteger();
        bedrock.script(call -> requests.incrementAndGet() == 1 ? Failure.throttling() : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(10)));

        assertThat(failures(response)).isEmpty();
        assertThat(consumer.lastReport().counts().scored()).isEqualTo(10);
        JsonNode summary = consumer.summary();
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(1);
        assertThat(summary.path("attempts").asInt()).isEqualTo(2);
        assertThat(summary.path("throttles").asInt()).isEqualTo(1);
        assertThat(bedrock.calls()).hasSize(2);
    }

    @Test
    void handsBackABatchThatKeepsFailingAndDoesNotSendTheBatchesAfterIt() {
        // Batch 2 (posts 11-20) always fails; batches run one at a time so "after" is well defined.
        bedrock.script(call -> call.posts().get(0).startsWith("Post number 11 ")
                ? Failure.internal() : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of("BATCH_SIZE", "10", "BEDROCK_CONCURRENCY", "1"));

        BatchResponse response = consumer.handle(event(posts(40)));

        List<String> expected = new ArrayList<>();
        for (int i = 10; i < 40; i++) {
            expected.add(sequenceNumber(i));
        }
        assertThat(failures(response)).containsExactlyElementsOf(expected);
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes().subList(0, 10)).allMatch(o -> o.kind() == RecordOutcome.Kind.SCORED);
        assertThat(report.outcomes().subList(10, 20)).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(RecordOutcome.Kind.HANDED_BACK);
            assertThat(o.reason()).contains("InternalServerException").contains("HTTP 500");
        });
        assertThat(report.outcomes().subList(20, 40)).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(RecordOutcome.Kind.HANDED_BACK);
            assertThat(o.reason()).startsWith("not sent");
        });
        // Batches 3 and 4 never reached the model: only batch 1 and the attempts of batch 2 did.
        assertThat(bedrock.calls()).allMatch(c -> c.posts().get(0).startsWith("Post number 1 ")
                || c.posts().get(0).startsWith("Post number 11 "));
        JsonNode summary = consumer.summary();
        assertThat(summary.path("handedBack").asInt()).isEqualTo(30);
        assertThat(summary.path("scored").asInt()).isEqualTo(10);
        assertThat(summary.path("failedCalls").asInt()).isEqualTo(1);
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(1);
        assertThat(consumer.logEvents("batch_handed_back")).singleElement()
                .satisfies(e -> assertThat(e.path("firstSequenceNumber").asText()).isEqualTo(sequenceNumber(10)));
    }

    @Test
    void asksAgainOnceAloneForPostsWhoseLinesWereMissingOrDuplicated() {
        bedrock.script(call -> {
            if (call.posts().size() == 10) {
                // Line 3 missing, line 5 twice, line 7 out of range, line 8 not a number.
                StringBuilder text = new StringBuilder();
                for (int n = 1; n <= 10; n++) {
                    String score = Double.toString(FakeBedrock.scoreOf(call.posts().get(n - 1)));
                    switch (n) {
                        case 3 -> { }
                        case 5 -> text.append("5|").append(score).append("\n5|0.1\n");
                        case 7 -> text.append("7|1.5\n");
                        case 8 -> text.append("8|positive\n");
                        default -> text.append(n).append('|').append(score).append('\n');
                    }
                }
                text.append("11|0.3\n");
                return new Answer(text.toString(), FakeBedrock.usageFor(call, 10), "end_turn", 300);
            }
            return FakeBedrock.scoreAll(call);
        });
        var consumer = consumer(Map.of("BATCH_SIZE", "10"));

        consumer.handle(event(posts(10)));

        List<FakeBedrock.Call> calls = bedrock.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).posts()).containsExactly(
                "Post number 3 about the weather, which was fine 3",
                "Post number 5 about the weather, which was fine 5",
                "Post number 7 about the weather, which was fine 7",
                "Post number 8 about the weather, which was fine 8");
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes()).allMatch(o -> o.kind() == RecordOutcome.Kind.SCORED);
        assertThat(report.outcomes().get(4).score())
                .isEqualTo(FakeBedrock.scoreOf("Post number 5 about the weather, which was fine 5"));
        JsonNode summary = consumer.summary();
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(2);
        assertThat(summary.path("postsAnalyzed").asInt()).isEqualTo(10);
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(bedrock.billed().totalTokens());
        assertThat(consumer.logEvents("bedrock_call").get(1).path("followUp").asBoolean()).isTrue();
    }

    @Test
    void leavesPostsUnscoredWhenEvenTheFollowUpGivesNoUsableLineAndStillCountsTheTokens() {
        bedrock.script(call -> new Answer("I'm sorry, but I can't rate these posts.",
                FakeBedrock.usageFor(call, 3), "end_turn", 250));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(4)));

        assertThat(failures(response)).isEmpty();
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes()).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(RecordOutcome.Kind.UNSCORED);
            assertThat(o.score()).isNull();
            assertThat(o.reason()).contains("no answer line");
        });
        assertThat(bedrock.calls()).hasSize(2);
        JsonNode summary = consumer.summary();
        assertThat(summary.path("unscored").asInt()).isEqualTo(4);
        assertThat(summary.path("neutral").asInt()).isZero();
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(2);
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(bedrock.billed().totalTokens()).isPositive();
    }

    @Test
    void reportsInvalidRecordsWithTheirReasonNeverSendsThemAndNeverRetriesThem() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of());
        List<byte[]> data = List.of(
                post("good-1", "What a lovely morning"),
                new byte[] {(byte) 0xC3, (byte) 0x28},
                "secret words, not json".getBytes(StandardCharsets.UTF_8),
                "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"no-content\"}".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"numeric\",\"content\":42}".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"blank\",\"content\":\"  \\n\\t \"}".getBytes(StandardCharsets.UTF_8),
                post("good-2", "Terrible service, never again"));

        BatchResponse response = consumer.handle(event(data));

        assertThat(failures(response)).isEmpty();
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes()).extracting(RecordOutcome::kind).containsExactly(
                RecordOutcome.Kind.SCORED, RecordOutcome.Kind.INVALID, RecordOutcome.Kind.INVALID,
                RecordOutcome.Kind.INVALID, RecordOutcome.Kind.INVALID, RecordOutcome.Kind.INVALID,
                RecordOutcome.Kind.INVALID, RecordOutcome.Kind.SCORED);
        assertThat(report.outcomes().subList(1, 7)).extracting(RecordOutcome::reason).containsExactly(
                "data is not UTF-8", "data is not JSON (line 1, column 1)", "JSON is an array, not an object",
                "content is missing", "content is a number, not a string", "content is blank");
        assertThat(bedrock.calls()).singleElement()
                .satisfies(c -> assertThat(c.posts()).containsExactly("What a lovely morning",
                        "Terrible service, never again"));
        List<JsonNode> invalid = consumer.logEvents("invalid_record");
        assertThat(invalid).hasSize(6);
        assertThat(invalid.get(1).path("sequenceNumber").asText()).isEqualTo(sequenceNumber(2));
        assertThat(invalid.get(1).path("message").asText())
                .isEqualTo("Invalid record " + sequenceNumber(2) + ": data is not JSON (line 1, column 1)");
        assertThat(consumer.summary().path("invalid").asInt()).isEqualTo(6);
        assertThat(consumer.logText()).doesNotContain("secret words", "lovely morning", "Terrible service");
    }

    @Test
    void contentOfOnlyInvisibleCharactersIsInvalidAndNeverSentNorBilled() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of());
        List<byte[]> data = List.of(
                post("zero-width", "\u200B\u200C\u200D\u2060"),
                post("no-break", "\u00A0\u202F\u2007 \u3000\uFEFF"),
                post("good", "What a lovely morning"));

        BatchResponse response = consumer.handle(event(data));

        assertThat(failures(response)).isEmpty();
        assertThat(consumer.lastReport().outcomes()).extracting(RecordOutcome::kind, RecordOutcome::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RecordOutcome.Kind.INVALID, "content is blank"),
                        org.assertj.core.groups.Tuple.tuple(RecordOutcome.Kind.INVALID, "content is blank"),
                        org.assertj.core.groups.Tuple.tuple(RecordOutcome.Kind.SCORED, null));
        assertThat(bedrock.calls()).singleElement()
                .satisfies(c -> assertThat(c.posts()).containsExactly("What a lovely morning"));
        assertThat(consumer.summary().path("invalid").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentBatchesGiveTheSameResultsAndTotalsAsSequentialOnes() {
        bedrock.script(FakeBedrock::scoreAll);
        var sequential = consumer(Map.of("BATCH_SIZE", "10", "BEDROCK_CONCURRENCY", "1"));
        sequential.handle(event(posts(150)));
        var concurrent = consumer(Map.of("BATCH_SIZE", "10", "BEDROCK_CONCURRENCY", "4"));
        concurrent.handle(event(posts(150)));

        InvocationReport one = sequential.lastReport();
        InvocationReport four = concurrent.lastReport();
        // Call ids are random, one per call: the outcomes agree on everything else.
        assertThat(four.outcomes()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("callId")
                .isEqualTo(one.outcomes());
        assertThat(four.totals()).isEqualTo(one.totals());
        assertThat(four.counts()).isEqualTo(one.counts());
        assertThat(four.calls()).extracting(c -> c.batch() + ":" + c.usage())
                .isEqualTo(one.calls().stream().map(c -> c.batch() + ":" + c.usage()).toList());
        assertThat(concurrent.summary().path("message").asText())
                .isEqualTo(sequential.summary().path("message").asText());
    }

    @Test
    void publishesTheInvocationsMetricsAsEmfUnderExactlyEnvironmentAndModelId() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of("ENVIRONMENT", "production"));

        consumer.handle(event(posts(30)));

        List<JsonNode> documents = consumer.emfDocuments();
        assertThat(documents).hasSize(1);
        JsonNode doc = documents.get(0);
        JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("SentimentAnalysis/Bedrock");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Environment\",\"ModelId\"]]");
        assertThat(doc.path("Environment").asText()).isEqualTo("production");
        assertThat(doc.path("ModelId").asText()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(doc.path("InputTokens")).hasSize(2);
        long input = 0;
        for (JsonNode value : doc.path("InputTokens")) {
            input += value.asLong();
        }
        assertThat(input).isEqualTo(bedrock.billed().inputTokens());
        int scored = doc.path("PositivePosts").asInt() + doc.path("NegativePosts").asInt()
                + doc.path("NeutralPosts").asInt();
        assertThat(scored).isEqualTo(30);
        assertThat(doc.path("InvalidRecords").asInt()).isZero();
    }

    @Test
    void aMetricsFailureTouchesNoRecordIsLoggedOnceAndCounted() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("aws.endpointUrlCloudWatch", "http://127.0.0.1:" + closedPort);
        ConsumerUnderTest consumer;
        try {
            consumer = consumer(Map.of("METRICS_SINK", "cloudwatch"));
        } finally {
            System.clearProperty("aws.endpointUrlCloudWatch");
        }

        BatchResponse response = consumer.handle(event(posts(12)));

        assertThat(failures(response)).isEmpty();
        assertThat(consumer.lastReport().counts().scored()).isEqualTo(12);
        assertThat(consumer.logEvents("metrics_failed")).hasSize(1);
        assertThat(consumer.summary().path("metricsFailures").asInt()).isEqualTo(1);
        assertThat(consumer.lastReport().metricsFailures()).isEqualTo(1);
    }

    @Test
    void sendsMultiLineTextAsOneLineAndCapsLongPostsCountingTheCuts() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of("MAX_POST_CHARS", "40"));

        consumer.handle(event(List.of(
                post("multi", "first line\nsecond\tline"),
                post("long", "a".repeat(39) + "bcdef"))));

        assertThat(bedrock.calls()).singleElement().satisfies(call -> assertThat(call.posts())
                .containsExactly("first line second line", "a".repeat(39) + "b"));
        assertThat(consumer.summary().path("truncated").asInt()).isEqualTo(1);
        assertThat(consumer.lastReport().counts().scored()).isEqualTo(2);
    }

    @Test
    void writesTheSummaryForAnEmptyEvent() {
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(List.of()));

        assertThat(failures(response)).isEmpty();
        assertThat(consumer.summary().path("message").asText()).isEqualTo("Lambda invocation token summary: "
                + "Total tokens: 0 (Input: 0, Output: 0), API calls: 0, Posts analyzed: 0, Avg tokens/post: 0.00, "
                + "Total cost: $0.000000");
    }

    /**
     * Every event the function writes is declared for it in the events module, and every saved query attached to
     * the function's log group reads events it does write: posts scored, an invalid record, a batch handed back.
     */
    @Test
    void writesOnlyDeclaredEventsAndWhatEverySavedQueryReads() {
        // In the first delivery the first call fails, however many attempts the SDK makes (its retry quota is
        // shared by the process); the redelivery is answered.
        java.util.concurrent.atomic.AtomicBoolean firstDelivery = new java.util.concurrent.atomic.AtomicBoolean(true);
        bedrock.script(call -> firstDelivery.get() && call.posts().contains("events post 0")
                ? Failure.internal() : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of("BATCH_SIZE", "5", "BEDROCK_CONCURRENCY", "1"));
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            data.add(post("events-" + i, "events post " + i));
        }
        data.add("not json".getBytes(StandardCharsets.UTF_8));

        consumer.handle(event(data));
        firstDelivery.set(false);
        consumer.handle(event(data));

        java.util.Set<String> written = consumer.logEvents().stream().map(e -> e.path("event").asText())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(written).contains("batch_handed_back", "outcomes_reused", "bedrock_call");
        assertThat(written).allSatisfy(event -> assertThat(LogEvent.byId(event))
                .as("event %s is declared for the function", event)
                .hasValueSatisfying(declared -> assertThat(declared.writtenBy(Writer.LAMBDA)).isTrue()));
        assertThat(SavedQuery.ALL).allSatisfy(query -> assertThat(query.events())
                .as("a saved query on the function's log group reads what it wrote: %s", query.name())
                .anyMatch(event -> written.contains(event.id())));
    }
}
