package io.sentimentconsumer.cli;

import io.sentimentconsumer.kcl.Backoff;
import io.sentimentconsumer.kcl.SentimentWorker;
import io.sentimentconsumer.kcl.WorkerLine;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the consumer as a long-running KCL worker; start as many as the stream needs, with the same
 * {@code --application}. Logs go to stderr (text, or JSON with {@code --log-format json}); EMF documents, with
 * {@code --metrics emf}, to stdout. SIGTERM (or Ctrl-C) stops it gracefully, with exit code 0.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {
            "Consumes a Kinesis stream with the Kinesis Client Library (leases and checkpoints in DynamoDB) and "
                    + "scores every post with the same pipeline as the Lambda handler.",
            "Endpoints: the SDK's AWS_ENDPOINT_URL_KINESIS, AWS_ENDPOINT_URL_DYNAMODB, "
                    + "AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_CLOUDWATCH."})
final class WorkerCommand implements Callable<Integer> {

    static final Duration METRICS_INTERVAL = Duration.ofSeconds(60);

    @Option(names = "--stream", required = true, paramLabel = "NAME", description = "Kinesis data stream")
    String stream;

    @Option(names = "--application", paramLabel = "NAME",
            description = "KCL application: the lease table's name, shared by all workers of the fleet "
                    + "(default: sentiment-consumer-<stream>)")
    String application;

    /** --model, --metrics (published every 60 s) and --offline. */
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--enhanced-fan-out", description = "read with enhanced fan-out instead of polling")
    boolean fanOut;

    @Option(names = "--kcl-metrics", description = "also publish the KCL's own CloudWatch metrics")
    boolean kclMetrics;

    @Option(names = "--worker-id", paramLabel = "ID", description = "default: host name and a random suffix")
    String workerId;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (one JSON event per line, as in Lambda); default: ${DEFAULT-VALUE}")
    EventLog.Format logFormat;

    @Option(names = "--retry-backoff-max", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "cap of the backoff between retries of a failing batch (ISO-8601, default 60 s)")
    Duration retryBackoffMax;

    // Hidden: the integration tests set them, production runs on their defaults. WorkerIT and WorkerLocalStackIT
    // run workers as processes of this jar, several on one host, out of reach of any seam in the test JVM.
    // --retry-backoff-initial shortens a blocked shard's first wait; --test-failover-millis shortens the KCL's
    // timings (a lease fails over after 10 s, shards sync every 60 s) and has workers balance leases by
    // throughput, since workers sharing a CPU look alike to the KCL's CPU-based balancing (SentimentWorker.Tuning).
    @Option(names = "--retry-backoff-initial", hidden = true, defaultValue = "PT1S")
    Duration retryBackoffInitial;

    @Option(names = "--test-failover-millis", hidden = true)
    Long testFailoverMillis;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = modelOptions.environment();
        ConsumerConfig config = ConsumerConfig.fromEnvironment(env);
        Duration summaryInterval = summaryInterval(env.get("SUMMARY_INTERVAL"));
        PrintStream stdout = System.out;
        EventLog log = new EventLog(System.err, logFormat);

        // The worker buffers measurements and publishes them once a minute (BufferedMetrics).
        SentimentPipeline pipeline = modelOptions.pipeline(config, log);
        MetricsPublisher publisher = Pipelines.publisher(config, pipeline.model().modelId(), stdout);
        SentimentWorker worker = new SentimentWorker(new SentimentWorker.Settings(
                stream, application == null ? "sentiment-consumer-" + stream : application,
                workerId == null ? defaultWorkerId() : workerId, fanOut, kclMetrics, summaryInterval,
                METRICS_INTERVAL, new Backoff(retryBackoffInitial, retryBackoffMax),
                testFailoverMillis == null ? null : new SentimentWorker.Tuning(testFailoverMillis)),
                pipeline, config.batchSize(), publisher, log);

        Thread hook = new Thread(() -> {
            try {
                worker.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            // A stop asked for is a clean exit, not death by signal (which the JVM would report as 143).
            Runtime.getRuntime().halt(0);
        }, "worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stoppedOnRequest = worker.run();
        if (!stoppedOnRequest) {
            Runtime.getRuntime().removeShutdownHook(hook);
            log.write(new WorkerLine.Failed());
            return 1;
        }
        // Stopped by the hook, which exits once the final checkpoint, flush and summary are written.
        Thread.currentThread().join();
        return 0;
    }

    static Duration summaryInterval(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(60);
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d = v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : v.endsWith("s") ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(v));
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "SUMMARY_INTERVAL must be a positive number of seconds (60, 60s or 500ms); was '" + value + "'");
        }
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
