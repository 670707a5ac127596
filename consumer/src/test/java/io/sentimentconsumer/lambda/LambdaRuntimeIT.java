package io.sentimentconsumer.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.FakeBedrock.Late;
import io.sentimentconsumer.testing.JsonLines;
import io.sentimentconsumer.testing.LambdaRuntimeProcess;
import io.sentimentconsumer.testing.LocalRuntimeApi;
import io.sentimentconsumer.testing.LocalRuntimeApi.Outcome;
import io.sentimentconsumer.testing.LocalRuntimeApi.Response;
import io.sentimentconsumer.testing.ResultRows;
import io.sentimentconsumer.testing.S3Mock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda jar under Lambda's own runtime interface client, in a process of its own, as the managed java21
 * runtime runs it: the client polls a local Runtime API for the committed test events, deserializes nothing itself
 * (the handler reads the payload), and posts the handler's answer back. Bedrock is the WireMock fake, reached by
 * the real SDK client through {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}; the log lines are the function's stdout.
 * One execution environment serves every test, warm after the first, as Lambda reuses one.
 */
class LambdaRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);

    private static FakeBedrock bedrock;
    private static LocalRuntimeApi runtimeApi;
    private static CliProcess function;

    @BeforeAll
    static void startTheFunction() throws IOException {
        bedrock = new FakeBedrock();
        bedrock.script(FakeBedrock::scoreAll);
        runtimeApi = new LocalRuntimeApi();
        String runtimeClassPath = Files.readString(Path.of(System.getProperty("lambda.runtime.classpath.file"))).trim();
        function = LambdaRuntimeProcess.start(Path.of(System.getProperty("lambda.jar")), runtimeClassPath,
                runtimeApi.address(), Map.of(
                        "BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0",
                        "ENVIRONMENT", "test",
                        "METRICS_SINK", "emf",
                        "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint()));
    }

    @AfterAll
    static void stopTheFunction() throws InterruptedException {
        try {
            assertThat(runtimeApi.initError()).as("no init error was reported").isNotDone();
        } finally {
            function.close();
            runtimeApi.close();
            bedrock.close();
        }
    }

    @Test
    void answersEachCommittedEventWithEveryRecordDoneAndAccountsForWhatTheModelBilled() throws Exception {
        for (String file : List.of("kinesis-25.json", "kinesis-150.json", "kinesis-malformed.json")) {
            bedrock.script(FakeBedrock::scoreAll);
            byte[] event = Files.readAllBytes(ROOT.resolve("test-events").resolve(file));
            int logged = logLines().size();

            JsonNode response = respond(event, FUNCTION_TIMEOUT);

            assertThat(response.path("batchItemFailures")).as(file).isEmpty();
            List<JsonNode> lines = logLines().subList(logged, logLines().size());
            List<JsonNode> calls = events(lines, "bedrock_call");
            JsonNode summary = events(lines, "invocation_summary").get(0);
            assertThat(calls).as(file + ": one line per Converse call").hasSize(bedrock.calls().size());
            TokenUsage billed = bedrock.billed();
            assertThat(summary.path("inputTokens").asLong()).as(file).isEqualTo(billed.inputTokens());
            assertThat(summary.path("outputTokens").asLong()).as(file).isEqualTo(billed.outputTokens());
            assertThat(calls.stream().mapToLong(c -> c.path("totalTokens").asLong()).sum())
                    .isEqualTo(billed.totalTokens());
            int records = JSON.readTree(event).path("Records").size();
            assertThat(summary.path("recordsIn").asInt()).isEqualTo(records);
            assertThat(summary.path("scored").asInt() + summary.path("invalid").asInt()).as(file).isEqualTo(records);
            assertThat(lines).as(file + ": the EMF document is on the log stream too")
                    .anyMatch(line -> line.has("_aws"));
        }
        // The committed malformed event: 9 valid posts and 11 records of the kinds the consumer rejects.
        assertThat(bedrock.calls().stream().mapToInt(c -> c.posts().size()).sum()).isEqualTo(9);
    }

    @Test
    void handsBackEveryRecordOfABatchTheModelKeepsFailingBySequenceNumber() throws Exception {
        bedrock.script(call -> Failure.internal());
        byte[] event = committed("kinesis-25.json", "failing");
        int logged = logLines().size();

        JsonNode response = respond(event, FUNCTION_TIMEOUT);

        List<String> handedBack = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> handedBack.add(f.path("itemIdentifier").asText()));
        assertThat(handedBack).isEqualTo(sequenceNumbers(event));
        assertThat(bedrock.calls()).isNotEmpty();
        JsonNode summary = events(logLines().subList(logged, logLines().size()), "invocation_summary").get(0);
        assertThat(summary.path("handedBack").asInt()).isEqualTo(25);
        assertThat(summary.path("scored").asInt()).isZero();
    }

    @Test
    void aShortDeadlineHandsRecordsBackInsteadOfTimingOut() throws Exception {
        // Every answer takes 2 s and the invocation has 5 s, 2 s of them kept free for the summary and metrics: the
        // first four calls finish, and no fifth can start in the 1 s left, so the rest go back before the timeout.
        bedrock.script(call -> new Late(FakeBedrock.scoreAll(call), 2_000));
        byte[] event = committed("kinesis-150.json", "deadline");
        Duration timeout = Duration.ofMillis(5_000);
        int logged = logLines().size();
        long started = System.nanoTime();

        JsonNode response = respond(event, timeout);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered before the deadline")
                .isLessThan(timeout);
        List<String> handedBack = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> handedBack.add(f.path("itemIdentifier").asText()));
        assertThat(handedBack).isNotEmpty().doesNotHaveDuplicates().isSubsetOf(sequenceNumbers(event));
        JsonNode summary = events(logLines().subList(logged, logLines().size()), "invocation_summary").get(0);
        assertThat(summary.path("deadlineReached").asBoolean()).isTrue();
        assertThat(summary.path("handedBack").asInt()).isEqualTo(handedBack.size());
        assertThat(summary.path("scored").asInt()).as("the calls answered in time kept their scores")
                .isEqualTo(150 - handedBack.size()).isPositive();
    }

    @Test
    void aPayloadThatIsNotAKinesisEventIsAFunctionErrorThatNamesTheFix() throws Exception {
        Outcome outcome = runtimeApi.invoke("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8),
                FUNCTION_TIMEOUT).get(FUNCTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(LocalRuntimeApi.Error.class);
        assertThat(((LocalRuntimeApi.Error) outcome).body()).contains("not a Kinesis event")
                .contains("event source mapping");
        // The environment survives and answers the next event.
        bedrock.script(FakeBedrock::scoreAll);
        assertThat(respond(committed("kinesis-25.json", "after-an-error"), FUNCTION_TIMEOUT)
                .path("batchItemFailures")).isEmpty();
    }

    /** Lambda redelivers finished records to a warm environment: their outcomes are reused, nothing is billed. */
    @Test
    void aRedeliveredEventIsAnsweredFromTheEnvironmentsMemoryWithoutAModelCall() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        byte[] event = committed("kinesis-25.json", "redelivered");
        respond(event, FUNCTION_TIMEOUT);
        int callsBefore = bedrock.calls().size();
        int logged = logLines().size();

        JsonNode response = respond(event, FUNCTION_TIMEOUT);

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(bedrock.calls()).hasSize(callsBefore);
        JsonNode summary = events(logLines().subList(logged, logLines().size()), "invocation_summary").get(0);
        assertThat(summary.path("reused").asInt()).isEqualTo(25);
        assertThat(summary.path("totalTokens").asInt()).isZero();
    }

    /** A second environment with {@code METRICS_SINK=cloudwatch}: PutMetricData through the real client. */
    @Test
    void theCloudWatchSinkPublishesTheInvocationsMetricsWithPutMetricData() throws Exception {
        WireMockServer cloudWatch = new WireMockServer(wireMockConfig().dynamicPort());
        cloudWatch.start();
        // PutMetricData's success: Smithy RPC v2 CBOR, an output without members (an empty CBOR map).
        cloudWatch.stubFor(post(urlEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData"))
                .willReturn(aResponse().withStatus(200).withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withHeader("Content-Type", "application/cbor").withBody(new byte[] {(byte) 0xA0})));
        bedrock.script(FakeBedrock::scoreAll);
        try (LocalRuntimeApi api = new LocalRuntimeApi();
             CliProcess other = anotherEnvironment(api, Map.of("METRICS_SINK", "cloudwatch",
                     "AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.baseUrl()))) {
            Outcome outcome = api.invoke(Files.readAllBytes(ROOT.resolve("test-events/kinesis-25.json")),
                    FUNCTION_TIMEOUT).get(90, TimeUnit.SECONDS);

            assertThat(outcome).as(other.stderr()).isEqualTo(new Response("{\"batchItemFailures\":[]}"));
            List<JsonNode> data = new ArrayList<>();
            for (LoggedRequest request : cloudWatch.findAll(anyRequestedFor(anyUrl()))) {
                CBOR.readTree(request.getBody()).path("MetricData").forEach(data::add);
            }
            JsonNode inputTokens = data.stream().filter(d -> d.path("MetricName").asText().equals("InputTokens"))
                    .findFirst().orElseThrow();
            double sum = 0;
            for (int i = 0; i < inputTokens.path("Values").size(); i++) {
                sum += inputTokens.path("Values").get(i).asDouble() * inputTokens.path("Counts").get(i).asDouble();
            }
            assertThat(sum).isEqualTo((double) bedrock.billed().inputTokens());
            assertThat(inputTokens.path("Dimensions").findValuesAsText("Name"))
                    .containsExactlyInAnyOrder("Environment", "ModelId");
        } finally {
            cloudWatch.stop();
        }
    }

    /**
     * A third environment with {@code RESULTS_SINK=s3}: the Lambda jar carries everything the S3 client needs, finds
     * the endpoint in {@code AWS_ENDPOINT_URL_S3} as deployed functions find theirs, and writes the invocation's rows
     * before it answers.
     */
    @Test
    void theS3SinkWritesTheInvocationsRowsFromTheLambdaJar() throws Exception {
        S3Mock s3 = S3Mock.shared();
        s3.createBucket("lambda-jar-results");
        bedrock.script(FakeBedrock::scoreAll);
        try (LocalRuntimeApi api = new LocalRuntimeApi();
             CliProcess other = anotherEnvironment(api, Map.of("METRICS_SINK", "emf", "RESULTS_SINK", "s3",
                     "RESULTS_BUCKET", "lambda-jar-results", "AWS_ENDPOINT_URL_S3", s3.endpoint()))) {
            Outcome outcome = api.invoke(Files.readAllBytes(ROOT.resolve("test-events/kinesis-150.json")),
                    FUNCTION_TIMEOUT).get(90, TimeUnit.SECONDS);

            assertThat(outcome).as(other.stderr()).isEqualTo(new Response("{\"batchItemFailures\":[]}"));
            JsonNode summary = other.stdout().lines().filter(line -> line.contains("\"invocation_summary\""))
                    .map(JsonLines::parse).findFirst().orElseThrow();
            Map<String, byte[]> objects = s3.objects("lambda-jar-results");
            assertThat(objects.keySet()).hasSize(2);
            assertThat(ResultRows.of(objects, Dataset.POSTS)).hasSize(150);
            assertThat(ResultRows.of(objects, Dataset.CALLS).stream().map(r -> r.path("cost_usd").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(summary.path("costUsd").decimalValue());
        }
    }

    /** Another execution environment of the Lambda jar, polling {@code api}, with {@code settings} besides the model's. */
    private static CliProcess anotherEnvironment(LocalRuntimeApi api, Map<String, String> settings)
            throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0",
                "ENVIRONMENT", "test", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint()));
        env.putAll(settings);
        return LambdaRuntimeProcess.start(Path.of(System.getProperty("lambda.jar")),
                Files.readString(Path.of(System.getProperty("lambda.runtime.classpath.file"))).trim(), api.address(),
                env);
    }

    /**
     * A committed event as if from another stream: one warm environment serves every test, and it remembers the
     * outcomes of records it finished, so each test that wants them analysed afresh plays its own stream.
     */
    private static byte[] committed(String file, String stream) throws IOException {
        String event = Files.readString(ROOT.resolve("test-events").resolve(file), StandardCharsets.UTF_8);
        return event.replace(":stream/social-media-posts\"", ":stream/" + stream + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode respond(byte[] event, Duration timeout) throws Exception {
        Outcome outcome = runtimeApi.invoke(event, timeout).get(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        assertThat(outcome).as("the function answered, no error: " + outcome + "\n" + function.stderr())
                .isInstanceOf(Response.class);
        return JSON.readTree(((Response) outcome).body());
    }

    private static List<String> sequenceNumbers(byte[] event) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(event).path("Records").forEach(r -> out.add(r.path("kinesis").path("sequenceNumber").asText()));
        return out;
    }

    private static List<JsonNode> logLines() {
        return function.stdout().lines().filter(line -> line.startsWith("{")).map(JsonLines::parse).toList();
    }

    private static List<JsonNode> events(List<JsonNode> lines, String event) {
        return lines.stream().filter(line -> event.equals(line.path("event").asText())).toList();
    }
}
