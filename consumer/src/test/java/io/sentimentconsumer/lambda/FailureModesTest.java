package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.post;
import static io.sentimentconsumer.testing.KinesisEvents.posts;
import static io.sentimentconsumer.testing.KinesisEvents.sequenceNumber;
import static io.sentimentconsumer.testing.ConsumerUnderTest.failures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.cli.LocalContext;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Answer;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.FakeBedrock.Late;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the handler does when Bedrock, the clock or the configuration work against it. */
class FailureModesTest {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static ConsumerUnderTest consumer(Map<String, String> settings) {
        return new ConsumerUnderTest(bedrock, settings);
    }

    private static List<String> sequenceNumbers(int from, int to) {
        List<String> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            numbers.add(sequenceNumber(i));
        }
        return numbers;
    }

    private static String text(int n) {
        return "Post number " + n + " about the weather, which was fine " + n;
    }

    @Test
    void aConfigurationErrorHandsEverythingBackWithOneLineThatNamesTheFixAndNoRetries() {
        bedrock.script(call -> new Failure(403, "AccessDeniedException",
                "You don't have access to the model with the specified model ID."));
        var consumer = consumer(Map.of("BATCH_SIZE", "10", "BEDROCK_CONCURRENCY", "4"));

        BatchResponse response = consumer.handle(event(posts(60)));

        assertThat(failures(response)).isEqualTo(sequenceNumbers(0, 60));
        List<JsonNode> errors = consumer.logEvents("model_configuration_error");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.path("message").asText())
                .contains("AccessDeniedException", "Fix: enable access to amazon.nova-micro-v1:0",
                        "bedrock:InvokeModel"));
        assertThat(consumer.logEvents("batch_handed_back")).isEmpty();
        // Only the batches already in flight reached Bedrock, each exactly once.
        assertThat(bedrock.calls()).hasSizeLessThanOrEqualTo(4);
        JsonNode summary = consumer.summary();
        assertThat(summary.path("attempts").asInt()).isEqualTo(bedrock.calls().size());
        assertThat(summary.path("handedBack").asInt()).isEqualTo(60);
    }

    @Test
    void aWrongModelIdNamesTheSettingsToCheck() {
        bedrock.script(call -> new Failure(404, "ResourceNotFoundException", "Model not found."));
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(5)));

        assertThat(consumer.logEvents("model_configuration_error")).singleElement()
                .satisfies(e -> assertThat(e.path("message").asText())
                        .contains("check BEDROCK_MODEL_ID 'amazon.nova-micro-v1:0' and BEDROCK_REGION us-east-1"));
    }

    @Test
    void rejectedCredentialsAreAConfigurationErrorToo() {
        bedrock.script(call -> new Failure(403, "UnrecognizedClientException",
                "The security token included in the request is invalid."));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(3)));

        assertThat(failures(response)).hasSize(3);
        assertThat(consumer.logEvents("model_configuration_error")).singleElement()
                .satisfies(e -> assertThat(e.path("message").asText()).contains("credentials were rejected"));
    }

    @Test
    void aRequestTooLongForTheModelIsSplitUntilItFits() {
        bedrock.script(call -> call.posts().size() > 3
                ? new Failure(400, "ValidationException", "Input is too long for requested model.")
                : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of("BATCH_SIZE", "10"));

        BatchResponse response = consumer.handle(event(posts(10)));

        assertThat(failures(response)).isEmpty();
        InvocationReport report = consumer.lastReport();
        for (int i = 0; i < 10; i++) {
            assertThat(report.outcomes().get(i).score()).isEqualTo(FakeBedrock.scoreOf(text(i + 1)));
        }
        // 10 -> 5 + 5 -> 2 + 3 + 2 + 3: three rejected requests, four answered ones.
        assertThat(bedrock.calls()).extracting(c -> c.posts().size()).containsExactlyInAnyOrder(10, 5, 5, 2, 3, 2, 3);
        assertThat(consumer.summary().path("apiCalls").asInt()).isEqualTo(4);
        assertThat(consumer.summary().path("postsAnalyzed").asInt()).isEqualTo(10);
    }

    @Test
    void aRequestRejectedForAnythingButItsLengthIsHandedBackWithOneLineInsteadOfBeingSplit() {
        // A real Converse rejection that no smaller request can fix.
        String cause = "A conversation must start with a user message. Try again with a conversation that starts "
                + "with a user message.";
        bedrock.script(call -> new Failure(400, "ValidationException", cause));
        var consumer = consumer(Map.of("BATCH_SIZE", "25", "BEDROCK_CONCURRENCY", "4"));

        BatchResponse response = consumer.handle(event(posts(150)));

        assertThat(failures(response)).isEqualTo(sequenceNumbers(0, 150));
        // Six batches of 25. Split down to single posts, each batch would cost 2 x 25 - 1 = 49 requests (294 in
        // all); handed back, only the batches already in flight reach Bedrock, once each: at most the concurrency.
        assertThat(bedrock.calls()).hasSizeLessThanOrEqualTo(4);
        assertThat(consumer.logEvents("split")).isEmpty();
        assertThat(consumer.logEvents("model_configuration_error")).singleElement()
                .satisfies(e -> assertThat(e.path("message").asText()).contains("ValidationException", cause));
        JsonNode summary = consumer.summary();
        assertThat(summary.path("handedBack").asInt()).isEqualTo(150);
        assertThat(summary.path("unscored").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "us-east-1, set BEDROCK_MODEL_ID to us.amazon.nova-micro-v1:0",
        "us-west-2, set BEDROCK_MODEL_ID to us.amazon.nova-micro-v1:0",
        "eu-west-3, set BEDROCK_MODEL_ID to eu.amazon.nova-micro-v1:0",
        "ap-southeast-1, set BEDROCK_MODEL_ID to apac.amazon.nova-micro-v1:0",
        "ca-central-1, 'us.amazon.nova-micro-v1:0, eu.amazon.nova-micro-v1:0 or apac.amazon.nova-micro-v1:0'"})
    void aModelThatNeedsAnInferenceProfileNamesTheProfileOfTheRegionsGeography(String region, String fix) {
        // Bedrock's own words, curly apostrophe included.
        bedrock.script(call -> new Failure(400, "ValidationException", "Invocation of model ID "
                + "amazon.nova-micro-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID "
                + "or ARN of an inference profile that contains this model."));
        var consumer = consumer(Map.of("BEDROCK_REGION", region, "BEDROCK_CONCURRENCY", "1"));

        BatchResponse response = consumer.handle(event(posts(30)));

        assertThat(failures(response)).isEqualTo(sequenceNumbers(0, 30));
        assertThat(bedrock.calls()).hasSize(1);
        assertThat(consumer.logEvents("model_configuration_error")).singleElement()
                .satisfies(e -> assertThat(e.path("message").asText())
                        .contains("on-demand throughput", "inference profile", fix));
    }

    @Test
    void aRequestBlockedByTheModelsInputFilterIsSplitSoOnlyThePostThatTrippedItIsLeftUnscored() {
        // Nova rejects a request whose input its content filter blocks; one post is enough to trip it.
        String blocked = "This request has been blocked by our content filters. Please adjust your text prompt to "
                + "submit a new request.";
        bedrock.script(call -> call.posts().contains(text(3))
                ? new Failure(400, "ValidationException", blocked)
                : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(4)));

        assertThat(failures(response)).isEmpty();
        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.get(2).kind()).isEqualTo(RecordOutcome.Kind.UNSCORED);
        assertThat(outcomes.get(2).reason()).startsWith("rejected by the model: ").contains(blocked);
        assertThat(outcomes).filteredOn(o -> o.kind() == RecordOutcome.Kind.SCORED).hasSize(3);
    }

    @Test
    void aSinglePostTheModelStillRejectsIsUnscoredWithTheReason() {
        bedrock.script(call -> call.posts().stream().anyMatch(p -> p.contains("number 3 "))
                ? new Failure(400, "ValidationException", "Input is too long for requested model.")
                : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(4)));

        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.get(2).kind()).isEqualTo(RecordOutcome.Kind.UNSCORED);
        assertThat(outcomes.get(2).reason()).startsWith("rejected by the model: ")
                .contains("Input is too long for requested model.");
        assertThat(outcomes).filteredOn(o -> o.kind() == RecordOutcome.Kind.SCORED).hasSize(3);
    }

    @Test
    void anAnswerCutOffAtMaxTokensIsAskedAgainInHalves() {
        bedrock.script(call -> call.posts().size() > 3
                ? FakeBedrock.answer(call, 3).withStopReason("max_tokens")
                : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(8)));

        assertThat(consumer.lastReport().outcomes()).allMatch(o -> o.kind() == RecordOutcome.Kind.SCORED);
        assertThat(bedrock.calls()).extracting(c -> c.posts().size()).containsExactly(8, 2, 3);
        assertThat(bedrock.calls().get(1).posts()).containsExactly(text(4), text(5));
        assertThat(consumer.logEvents("split")).hasSize(1);
        JsonNode summary = consumer.summary();
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(3);
        assertThat(summary.path("postsAnalyzed").asInt()).isEqualTo(8);
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(bedrock.billed().totalTokens());
    }

    @Test
    void aSinglePostWhoseAnswerIsStillCutOffIsUnscored() {
        bedrock.script(call -> new Answer("", FakeBedrock.usageFor(call, 0), "max_tokens", 100));
        var consumer = consumer(Map.of());

        consumer.handle(event(posts(2)));

        assertThat(consumer.lastReport().outcomes()).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(RecordOutcome.Kind.UNSCORED);
            assertThat(o.reason()).isEqualTo("answer cut off at maxTokens: no answer line");
        });
        assertThat(consumer.summary().path("totalTokens").asLong()).isEqualTo(bedrock.billed().totalTokens());
    }

    @ParameterizedTest(name = "stopReason {0}")
    @NullSource
    @ValueSource(strings = "a_reason_newer_than_the_sdk")
    void anAnswerWithoutAKnownStopReasonKeepsItsScoresAndAsksAgainOnlyForThePostItMissed(String stopReason) {
        // No stopReason member at all, or one the SDK has no constant for: the first answer has lines for posts 1-4
        // of 5.
        bedrock.script(call -> FakeBedrock.answer(call, Math.min(4, call.posts().size())).withStopReason(stopReason));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(posts(5)));

        assertThat(consumer.logEvents("batch_error")).as("no defect on the way").isEmpty();
        assertThat(failures(response)).isEmpty();
        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        for (int i = 0; i < 5; i++) {
            assertThat(outcomes.get(i).kind()).isEqualTo(RecordOutcome.Kind.SCORED);
            assertThat(outcomes.get(i).score()).isEqualTo(FakeBedrock.scoreOf(text(i + 1)));
        }
        assertThat(bedrock.calls()).extracting(FakeBedrock.Call::posts).containsExactly(
                List.of(text(1), text(2), text(3), text(4), text(5)), List.of(text(5)));
        assertThat(consumer.logEvents("bedrock_call")).hasSize(2).allSatisfy(line -> assertThat(
                line.path("stopReason").isNull() ? null : line.path("stopReason").asText()).isEqualTo(stopReason));
        JsonNode summary = consumer.summary();
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(2);
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(bedrock.billed().totalTokens());
    }

    @Test
    void aGuardrailOrContentFilterStopLeavesItsPostsUnscoredWithThatReason() {
        bedrock.script(call -> new Answer("Sorry, the model cannot answer this.", FakeBedrock.usageFor(call, 0),
                call.posts().size() == 4 ? "guardrail_intervened" : "content_filtered", 100));
        var consumer = consumer(Map.of("BATCH_SIZE", "4"));

        consumer.handle(event(posts(6)));

        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.subList(0, 4)).allMatch(o -> "model stopped: guardrail_intervened".equals(o.reason()));
        assertThat(outcomes.subList(4, 6)).allMatch(o -> "model stopped: content_filtered".equals(o.reason()));
        assertThat(bedrock.calls()).hasSize(2);
    }

    @Test
    void aSlowAnswerIsCutOffBeforeTheDeadlineAndTheFunctionReturnsInTime() {
        AtomicInteger calls = new AtomicInteger();
        bedrock.script(call -> calls.incrementAndGet() == 2 ? new Late(FakeBedrock.scoreAll(call), 10_000)
                : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of("BATCH_SIZE", "5", "BEDROCK_CONCURRENCY", "1", "DEADLINE_MARGIN_MS", "500"));
        LocalContext context = new LocalContext(System.err, 3_000);

        BatchResponse response = consumer.handle(event(posts(15)), context);

        assertThat(context.getRemainingTimeInMillis()).as("returned before Lambda's timeout").isPositive();
        assertThat(failures(response)).isEqualTo(sequenceNumbers(5, 15));
        InvocationReport report = consumer.lastReport();
        assertThat(report.outcomes().subList(0, 5)).allMatch(o -> o.kind() == RecordOutcome.Kind.SCORED);
        assertThat(report.outcomes().get(5).reason()).contains("timed out");
        assertThat(report.outcomes().get(10).reason()).startsWith("not sent");
        assertThat(bedrock.calls()).hasSize(2);
        assertThat(consumer.summary().path("handedBack").asInt()).isEqualTo(10);
    }

    @Test
    void noCallStartsWhenTheTimeLeftCannotHoldOne() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer(Map.of("DEADLINE_MARGIN_MS", "500"));

        BatchResponse response = consumer.handle(event(posts(30)), 900);

        assertThat(bedrock.calls()).isEmpty();
        assertThat(failures(response)).isEqualTo(sequenceNumbers(0, 30));
        JsonNode summary = consumer.summary();
        assertThat(summary.path("deadlineReached").asBoolean()).isTrue();
        assertThat(summary.path("handedBack").asInt()).isEqualTo(30);
        assertThat(consumer.logEvents("deadline_reached")).isNotEmpty();
    }

    @Test
    void aWarmEnvironmentThatOnceSawACallLongerThanAnInvocationHasCallsAgain() {
        var consumer = consumer(Map.of("BATCH_SIZE", "5", "BEDROCK_CONCURRENCY", "1", "DEADLINE_MARGIN_MS", "500"));
        // Without a deadline, one answer takes 1.5 s: the slowest call the environment has seen.
        bedrock.script(call -> new Late(FakeBedrock.scoreAll(call), 1_500));
        assertThat(failures(consumer.handle(event(posts(5), 100)))).isEmpty();

        // The next invocations (other records) have 1.3 s for calls (1.8 s less the margin), and the model is fast again.
        bedrock.script(FakeBedrock::scoreAll);
        BatchResponse response = consumer.handle(event(posts(15)), 1_800);

        assertThat(failures(response)).isEmpty();
        assertThat(bedrock.calls()).hasSize(3);
        assertThat(consumer.summary().path("deadlineReached").asBoolean()).isFalse();
    }

    @Test
    void throttlingHalvesTheConcurrencyAndIsCountedAndPublished() {
        AtomicInteger requests = new AtomicInteger();
        bedrock.script(call -> requests.incrementAndGet() % 2 == 1 ? Failure.throttling() : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of("BATCH_SIZE", "5", "BEDROCK_CONCURRENCY", "4"));

        BatchResponse response = consumer.handle(event(posts(20)));

        assertThat(failures(response)).isEmpty();
        JsonNode summary = consumer.summary();
        assertThat(summary.path("throttles").asInt()).isPositive();
        assertThat(summary.path("concurrencyLimit").asDouble()).isLessThan(4);
        assertThat(summary.path("retryWaitMs").asDouble()).isPositive();
        JsonNode emf = consumer.emfDocuments().get(0);
        assertThat(emf.path("BedrockThrottles").asInt()).isEqualTo(summary.path("throttles").asInt());
    }

    @Test
    void aLostConnectionIsRetriedInsideTheCall() {
        AtomicInteger requests = new AtomicInteger();
        bedrock.script(call -> requests.incrementAndGet() == 1 ? new FakeBedrock.Reset() : FakeBedrock.scoreAll(call));
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(List.of(post("p", "Fine day"))));

        assertThat(failures(response)).isEmpty();
        assertThat(consumer.summary().path("attempts").asInt()).isEqualTo(2);
        assertThat(consumer.summary().path("apiCalls").asInt()).isEqualTo(1);
    }

    /**
     * An attempt that got no answer may still have been run, and billed, by Bedrock: the summary and the metrics
     * count it, so a reconciliation with Bedrock's own count can explain the gap. A throttled attempt got an answer
     * and is not counted; a call that fails after abandoned attempts still counts them.
     */
    @Test
    void attemptsThatGotNoAnswerAreCountedAsAbandoned() {
        AtomicInteger requests = new AtomicInteger();
        bedrock.script(call -> switch (requests.incrementAndGet()) {
            case 1 -> new FakeBedrock.Reset();
            case 2 -> Failure.throttling();
            default -> FakeBedrock.scoreAll(call);
        });
        var consumer = consumer(Map.of());

        BatchResponse response = consumer.handle(event(List.of(post("p", "Fine day"))));

        assertThat(failures(response)).isEmpty();
        JsonNode summary = consumer.summary();
        assertThat(summary.path("attempts").asInt()).isEqualTo(3);
        assertThat(summary.path("abandonedAttempts").asInt()).isEqualTo(1);
        assertThat(consumer.emfDocuments().get(0).path("AbandonedAttempts").asInt()).isEqualTo(1);

        bedrock.script(call -> new FakeBedrock.Reset());
        consumer.handle(event(List.of(post("q", "Another day")), 1));

        assertThat(consumer.summary().path("failedCalls").asInt()).isEqualTo(1);
        assertThat(consumer.summary().path("abandonedAttempts").asInt())
                .isEqualTo(consumer.summary().path("attempts").asInt()).isGreaterThan(1);
    }
}
