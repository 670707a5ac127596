package io.sentimentconsumer.cli;

import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.kcl.KclClients;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.redrive.FailureQueue;
import io.sentimentconsumer.redrive.RangeReader;
import io.sentimentconsumer.redrive.Redrive;
import io.sentimentconsumer.redrive.RedriveReport;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Redrives the ranges the event source mapping gave up on, from its failure queue, through the same pipeline as the
 * Lambda handler. An operator's command: the function has no part in it. Progress goes to stderr, the report (lost
 * ranges, the dry run's plan, then one final line) to stdout.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {
            "Reads the failure queue's messages (Lambda's on-failure records: a shard and a sequence range, not the "
                    + "records), reads each range from the stream, scores its records with the same pipeline as the "
                    + "Lambda handler and deletes a message once every record of its range has its outcome.",
            "Exit codes: 0 every message redriven; 2 some message kept (records handed back, a range that cannot "
                    + "be read, a message that is not a failure record); 3 records lost past the stream's retention; "
                    + "1 a usage or configuration error.",
            "Endpoints: the SDK's AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_KINESIS, AWS_ENDPOINT_URL_BEDROCK_RUNTIME, "
                    + "AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL_S3."})
final class RedriveCommand implements Callable<Integer> {

    @Option(names = "--queue", required = true, paramLabel = "URL",
            description = "the failure queue's URL (the stack's FailureQueueUrl output)")
    String queue;

    @Option(names = "--dry-run", description = "read the messages and their ranges and say what would be done; call "
            + "no model, delete nothing")
    boolean dryRun;

    /** --model, --metrics (published per range) and --offline, as the worker has them. */
    @Mixin
    ModelOptions modelOptions;

    /** --results-sink and --results-bucket, as the worker has them. */
    @Mixin
    ResultsOptions resultsOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream stdout = System.out;
        EventLog log = new EventLog(System.err, EventLog.Format.TEXT);
        // A dry run calls no model: it neither needs the consumer's settings nor fails on them.
        ConsumerConfig config = dryRun ? null : modelOptions.config(System.getenv(), resultsOptions::applyTo);
        try (KinesisClient kinesis = KclClients.kinesisSync();
             SqsClient sqs = sqs();
             SentimentPipeline pipeline = config == null ? null : modelOptions.pipeline(config, log)) {
            InvocationReporter reporter = pipeline == null ? null : Pipelines.reporter(config, pipeline.model(),
                    log, stdout);
            ResultsWriter results = pipeline == null ? ResultsWriter.none()
                    : ResultsWriter.configured(config, pipeline.model().modelId(), log);
            RedriveReport report;
            try {
                report = new Redrive(new FailureQueue(sqs, queue),
                        new RangeReader(kinesis, d -> Thread.sleep(d.toMillis())), pipeline, reporter, results, log,
                        stdout).run();
            } finally {
                if (reporter != null) {
                    reporter.close();
                }
            }
            stdout.println(report.line());
            stdout.flush();
            return report.exitCode();
        }
    }

    /** SQS on the JDK's URL connection, like the other clients; endpoint and region from the SDK's configuration. */
    private static SqsClient sqs() {
        return SqsClient.builder().httpClientBuilder(AwsClients.httpClient()).build();
    }
}
