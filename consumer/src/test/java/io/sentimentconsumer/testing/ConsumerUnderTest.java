package io.sentimentconsumer.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.cli.LocalContext;
import io.sentimentconsumer.lambda.BatchResponse;
import io.sentimentconsumer.lambda.KinesisSentimentHandler;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda handler wired exactly as in production (real SDK client, real HTTP) against a {@link FakeBedrock},
 * with its log and stdout captured. The endpoint reaches the SDK the standard way, through the
 * {@code aws.endpointUrlBedrockRuntime} system property (the twin of {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}).
 * With {@code RESULTS_SINK=s3} in the settings, the results go to the bucket the settings name, on the server
 * {@link #S3_ENDPOINT} names, which reaches the SDK through {@code aws.endpointUrlS3} the same way.
 */
public final class ConsumerUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A setting of this harness, not the consumer's: the S3 server's endpoint, as AWS_ENDPOINT_URL_S3 gives it. */
    public static final String S3_ENDPOINT = "AWS_ENDPOINT_URL_S3";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
    private final List<InvocationReport> reports = new ArrayList<>();
    private final KinesisSentimentHandler handler;
    private final SentimentPipeline pipeline;
    private final InvocationReporter reporter;

    public ConsumerUnderTest(FakeBedrock bedrock, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of(
                "BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0",
                "BEDROCK_REGION", "us-east-1",
                "ENVIRONMENT", "test",
                "METRICS_SINK", "emf"));
        env.putAll(settings);
        System.setProperty("aws.endpointUrlBedrockRuntime", bedrock.endpoint());
        if (settings.containsKey(S3_ENDPOINT)) {
            System.setProperty("aws.endpointUrlS3", settings.get(S3_ENDPOINT));
        }
        try {
            PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
            PrintStream stdout = new PrintStream(stdoutBytes, true, StandardCharsets.UTF_8);
            ConsumerConfig config = ConsumerConfig.fromEnvironment(env);
            EventLog eventLog = new EventLog(log, EventLog.Format.JSON);
            pipeline = Pipelines.bedrock(config, eventLog);
            reporter = Pipelines.reporter(config, pipeline.model(), eventLog, stdout);
            handler = new KinesisSentimentHandler(pipeline, reporter,
                    ResultsWriter.configured(config, pipeline.model().modelId(), eventLog), reports::add);
        } finally {
            System.clearProperty("aws.endpointUrlBedrockRuntime");
            System.clearProperty("aws.endpointUrlS3");
        }
    }

    /** Handles an event ({@link KinesisEvents}) through the handler's stream entry point, as Lambda calls it. */
    public BatchResponse handle(String event) {
        return handle(event, (Context) null);
    }

    /** Handles the event as Lambda would with {@code remainingMillis} left before the function's timeout. */
    public BatchResponse handle(String event, int remainingMillis) {
        return handle(event, new LocalContext(System.err, remainingMillis));
    }

    public BatchResponse handle(String event, Context context) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, context);
            return BatchResponse.read(response.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence numbers a response hands back, in order. */
    public static List<String> failures(BatchResponse response) {
        return response.itemIdentifiers();
    }

    @Override
    public void close() throws Exception {
        pipeline.close();
        reporter.close();
    }

    public InvocationReport lastReport() {
        return reports.get(reports.size() - 1);
    }

    public String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    public List<JsonNode> logEvents() {
        return parseLines(logText());
    }

    public List<JsonNode> logEvents(String event) {
        return logEvents().stream().filter(e -> event.equals(e.path("event").asText())).toList();
    }

    public JsonNode summary() {
        List<JsonNode> summaries = logEvents("invocation_summary");
        return summaries.get(summaries.size() - 1);
    }

    /** The EMF documents written to stdout. */
    public List<JsonNode> emfDocuments() {
        return parseLines(stdoutBytes.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> parseLines(String text) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return events;
    }
}
