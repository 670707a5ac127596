package io.sentimentconsumer.cli;

import io.sentimentconsumer.kcl.SentimentWorker;
import io.sentimentconsumer.kcl.WorkerConfig;
import io.sentimentconsumer.kcl.WorkerLine;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.MetricsPublisher;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the consumer as a long-running KCL worker; start as many as the stream needs, with the same
 * {@code --application}. Logs go to stderr (JSON unless on a terminal, see {@code --log-format}); EMF documents, with
 * {@code --metrics emf}, to stdout. SIGTERM (or Ctrl-C) stops it gracefully, with exit code 0.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {
            "Consumes a Kinesis stream with the Kinesis Client Library (leases and checkpoints in DynamoDB) and "
                    + "scores every post with the same pipeline as the Lambda handler.",
            "Endpoints: the SDK's AWS_ENDPOINT_URL_KINESIS, AWS_ENDPOINT_URL_DYNAMODB, "
                    + "AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL_S3."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--stream", required = true, paramLabel = "NAME", description = "Kinesis data stream")
    String stream;

    @Option(names = "--application", paramLabel = "NAME",
            description = "KCL application: the lease table's name, shared by all workers of the fleet "
                    + "(default: sentiment-consumer-<stream>)")
    String application;

    /** --model, --metrics (published every 60 s) and --offline. */
    @Mixin
    ModelOptions modelOptions;

    /** --results-sink and --results-bucket. */
    @Mixin
    ResultsOptions resultsOptions;

    @Option(names = "--enhanced-fan-out", description = "read with enhanced fan-out instead of polling")
    boolean fanOut;

    @Option(names = "--kcl-metrics", description = "also publish the KCL's own CloudWatch metrics")
    boolean kclMetrics;

    @Option(names = "--worker-id", paramLabel = "ID", description = "default: host name and a random suffix")
    String workerId;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "text, json (one JSON event per line, as in Lambda, which the saved queries read) or auto: "
                    + "text on a terminal, else json; default: ${DEFAULT-VALUE}")
    LogFormat logFormat;

    @Option(names = "--retry-backoff-max", paramLabel = "DURATION",
            description = "cap of the backoff between retries of a failing batch (ISO-8601, default 60 s)")
    Duration retryBackoffMax;

    // Hidden: the integration tests set them, production runs on their defaults. WorkerIT and WorkerLocalStackIT
    // run workers as processes of this jar, several on one host, out of reach of any seam in the test JVM.
    // --retry-backoff-initial shortens a blocked shard's first wait; --test-failover-millis shortens the KCL's
    // timings (a lease fails over after 10 s, shards sync every 60 s) and has workers balance leases by
    // throughput, since workers sharing a CPU look alike to the KCL's CPU-based balancing (WorkerConfig.Tuning).
    @Option(names = "--retry-backoff-initial", hidden = true)
    Duration retryBackoffInitial;

    @Option(names = "--test-failover-millis", hidden = true)
    Long testFailoverMillis;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        ConsumerConfig config = configuration(env);
        WorkerConfig settings = settings(env);
        PrintStream stdout = System.out;
        EventLog log = new EventLog(System.err, logFormat.resolve(System.console() != null));

        // The worker buffers measurements and publishes them once a minute (BufferedMetrics).
        SentimentPipeline pipeline = modelOptions.pipeline(config, log);
        MetricsPublisher publisher = Pipelines.publisher(config, pipeline.model().modelId(), stdout);
        SentimentWorker worker = new SentimentWorker(settings, pipeline, config.batchSize(), publisher,
                ResultsWriter.configured(config, pipeline.model().modelId(), log), log);

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

    /** The consumer's settings: the environment's, with the model, metrics and results options in their place. */
    ConsumerConfig configuration(Map<String, String> env) {
        return modelOptions.config(env, resultsOptions::applyTo);
    }

    /** The worker's settings: the environment's, with the options given in their place. */
    WorkerConfig settings(Map<String, String> env) {
        WorkerConfig.Builder settings = WorkerConfig.builder(stream).variables(env).fanOut(fanOut)
                .kclMetrics(kclMetrics);
        Optional.ofNullable(application).ifPresent(settings::applicationName);
        Optional.ofNullable(workerId).ifPresent(settings::workerId);
        Optional.ofNullable(retryBackoffInitial).ifPresent(settings::backoffInitial);
        Optional.ofNullable(retryBackoffMax).ifPresent(settings::backoffMax);
        Optional.ofNullable(testFailoverMillis).map(WorkerConfig.Tuning::new).ifPresent(settings::tuning);
        return settings.build();
    }
}
