package io.sentimentconsumer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.lambda.BatchResponse;
import io.sentimentconsumer.lambda.KinesisEventJson;
import io.sentimentconsumer.lambda.KinesisSentimentHandler;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.offline.LexiconSentimentModel;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the Lambda handler itself on a test event, locally: the same pipeline, lines and metrics as in Lambda. Logs
 * go to stderr as text (or JSON lines, with {@code --log-format json}); stdout carries the EMF documents (with {@code --metrics emf}) and, as its last line, the
 * handler's response.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Runs the Lambda handler on FILE, a Lambda Kinesis test event or JSON Lines of posts, and prints "
                    + "the handler's response ({\"batchItemFailures\":[...]}) as the last line of stdout.",
            "Without --model or BEDROCK_MODEL_ID it uses the offline lexicon engine: no AWS account needed; "
                    + "token figures are estimates priced as Nova Micro."})
final class ReplayCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE", description = "Lambda Kinesis test event (.json) or posts (.jsonl)")
    Path file;

    @Option(names = "--model", paramLabel = "ID",
            description = "Bedrock model or inference profile id (default: BEDROCK_MODEL_ID, else offline engine)")
    String model;

    @Option(names = "--metrics", paramLabel = "SINK",
            description = "emf, cloudwatch or none (default: METRICS_SINK, else emf)")
    MetricsSink metrics;

    /** --region and --service-tier. */
    @Mixin
    BedrockOptions bedrock;

    /** --results-sink and --results-bucket. */
    @Mixin
    ResultsOptions resultsOptions;

    @Option(names = "--batch-size", paramLabel = "N", description = "posts per model call (default: BATCH_SIZE, else 25)")
    Integer batchSize;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "model calls in flight (default: BEDROCK_CONCURRENCY, else 4)")
    Integer concurrency;

    @Option(names = "--remaining-ms", paramLabel = "N",
            description = "the Lambda deadline to simulate: time left when the invocation starts (default: 900000)")
    int remainingMillis = LocalContext.MAX_LAMBDA_TIMEOUT_MILLIS;

    @Option(names = "--results", paramLabel = "FILE",
            description = "also write each record's outcome (id, score, label or reason; no text) as JSON Lines")
    Path results;

    @Option(names = "--redeliver",
            description = "after a response with batch item failures, invoke the handler again with the records "
                    + "from the lowest named sequence number on, as the event source mapping does, in the same warm "
                    + "environment; every response is printed, the last is the final one")
    boolean redeliver;

    @Option(names = "--max-retries", paramLabel = "N",
            description = "with --redeliver: retries before the mapping would send the rest to its failure "
                    + "destination (default: 5, the stack's maxRetryAttempts)")
    int maxRetries = 5;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (one JSON event per line, as in Lambda: what report --logs reads) or auto: "
                    + "text on a terminal, else json; default: ${DEFAULT-VALUE}")
    LogFormat logFormat;

    private final List<InvocationReport> reports = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        byte[] event = LambdaTestEvent.read(file);
        PrintStream stdout = System.out;
        EventLog log = new EventLog(System.err, logFormat.resolve(System.console() != null));
        ConsumerConfig config = configuration(System.getenv());
        SentimentPipeline pipeline;
        if (config.modelId() == null) {
            // A note for the terminal, not a log event: a reader of JSON lines skips it.
            System.err.println("No model configured (--model or BEDROCK_MODEL_ID): using the offline lexicon "
                    + "engine; token figures are estimates priced as Nova Micro");
            pipeline = Pipelines.create(config, new LexiconSentimentModel(), log);
        } else {
            pipeline = Pipelines.bedrock(config, log);
        }
        try (InvocationReporter reporter = Pipelines.reporter(config, pipeline.model(), log, stdout)) {
            KinesisSentimentHandler handler = new KinesisSentimentHandler(pipeline, reporter,
                    ResultsWriter.configured(config, pipeline.model().modelId(), log), reports::add);
            BatchResponse response = invoke(handler, event);
            for (int retry = 1; redeliver && retry <= maxRetries && !response.itemIdentifiers().isEmpty();
                    retry++) {
                event = redelivery(event, response);
                response = invoke(handler, event);
            }
        }
        writeResults();
        return 0;
    }

    /**
     * One invocation through the handler's own entry point, on the bytes Lambda would pass it (replay cannot pass
     * where Lambda fails); its response goes to stdout as a line.
     */
    private BatchResponse invoke(KinesisSentimentHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(System.err, remainingMillis));
        } catch (IllegalArgumentException notAnEvent) {
            throw new IllegalArgumentException(file + ": " + notAnEvent.getMessage(), notAnEvent);
        }
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.out.flush();
        return BatchResponse.read(out.toByteArray());
    }

    /**
     * What the event source mapping delivers after a response with failures: the records from the lowest named
     * sequence number on (by position, as the shard orders them); the whole event again when a name is empty or
     * not one of its records.
     */
    static byte[] redelivery(byte[] event, BatchResponse response) throws IOException {
        List<KinesisEventJson.Record> records = KinesisEventJson.read(new ByteArrayInputStream(event));
        int lowest = records.size();
        for (String id : response.itemIdentifiers()) {
            int index = -1;
            for (int i = 0; i < records.size() && index < 0; i++) {
                if (records.get(i).sequenceNumber().equals(id)) {
                    index = i;
                }
            }
            if (index < 0) {
                return event;
            }
            lowest = Math.min(lowest, index);
        }
        return KinesisEventJson.write(records.subList(lowest, records.size()));
    }

    /** The settings {@code env} gives, with the options given on the command line in their place. */
    ConsumerConfig configuration(Map<String, String> env) {
        ConsumerConfig.Builder config = ConsumerConfig.builder().variables(env);
        Optional.ofNullable(model).ifPresent(config::modelId);
        Optional.ofNullable(metrics).ifPresent(config::metricsSink);
        bedrock.applyTo(config);
        Optional.ofNullable(batchSize).ifPresent(config::batchSize);
        Optional.ofNullable(concurrency).ifPresent(config::concurrency);
        resultsOptions.applyTo(config);
        return config.build();
    }

    /** Each record's outcome from the last invocation that had it (every invocation's, with --redeliver). */
    private void writeResults() {
        if (results == null) {
            return;
        }
        Map<String, RecordOutcome> latest = new LinkedHashMap<>();
        for (InvocationReport report : reports) {
            for (RecordOutcome outcome : report.outcomes()) {
                latest.put(outcome.sequenceNumber() + "/" + outcome.subSequenceNumber(), outcome);
            }
        }
        try (Writer out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
            for (RecordOutcome outcome : latest.values()) {
                ObjectNode line = JSON.createObjectNode();
                line.put("sequenceNumber", outcome.sequenceNumber());
                line.put("postId", outcome.postId());
                line.put("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (outcome.score() != null) {
                    line.put("score", outcome.score());
                    line.put("label", outcome.label().name().toLowerCase(java.util.Locale.ROOT));
                }
                if (outcome.reason() != null) {
                    line.put("reason", outcome.reason());
                }
                out.write(line.toString());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + results, e);
        }
    }
}
