package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.kcl.Backoff;
import io.sentimentconsumer.kcl.WorkerConfig;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commands' settings: each command's defaults, the environment over them, the options over both; options go
 * straight into the configuration.
 */
class CommandSettingsTest {

    @Test
    void workerAndRedriveDefaultToCloudWatchUnlessTheEnvironmentOrAnOptionSaysOtherwise() {
        assertThat(worker("--stream", "posts").modelOptions.config(Map.of()).metricsSink())
                .isEqualTo(MetricsSink.CLOUDWATCH);
        assertThat(worker("--stream", "posts").modelOptions.config(Map.of("METRICS_SINK", "emf")).metricsSink())
                .isEqualTo(MetricsSink.EMF);
        assertThat(worker("--stream", "posts", "--metrics", "none").modelOptions
                .config(Map.of("METRICS_SINK", "emf")).metricsSink()).isEqualTo(MetricsSink.NONE);
        assertThat(redrive("--queue", "q", "--metrics", "EMF").modelOptions.config(Map.of()).metricsSink())
                .isEqualTo(MetricsSink.EMF);
    }

    @Test
    void theModelOptionReplacesTheVariableAndTheOtherVariablesStay() {
        ConsumerConfig config = worker("--stream", "posts", "--model", "us.amazon.nova-micro-v1:0").modelOptions
                .config(Map.of("BEDROCK_MODEL_ID", "amazon.nova-lite-v1:0", "BATCH_SIZE", "40"));

        assertThat(config.modelId()).isEqualTo("us.amazon.nova-micro-v1:0");
        assertThat(config.batchSize()).isEqualTo(40);
        assertThat(worker("--stream", "posts").modelOptions.config(Map.of()).modelIdOrDefault())
                .isEqualTo("amazon.nova-micro-v1:0");
    }

    @Test
    void replayKeepsTheConsumersDefaultsAndTakesItsOptionsOverTheEnvironment() {
        ConsumerConfig defaults = replay().configuration(Map.of());
        assertThat(defaults.modelId()).isNull();
        assertThat(defaults.metricsSink()).isEqualTo(MetricsSink.EMF);

        ConsumerConfig config = replay("--model", "amazon.nova-lite-v1:0", "--metrics", "none", "--batch-size", "7",
                "--concurrency", "2").configuration(Map.of("BATCH_SIZE", "50", "BEDROCK_CONCURRENCY", "8",
                "METRICS_NAMESPACE", "Team/Sentiment"));

        assertThat(config.modelId()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(config.metricsSink()).isEqualTo(MetricsSink.NONE);
        assertThat(config.batchSize()).isEqualTo(7);
        assertThat(config.concurrency()).isEqualTo(2);
        assertThat(config.metricsNamespace()).isEqualTo("Team/Sentiment");
    }

    @Test
    void regionAndServiceTierOptionsReplaceTheirVariablesInEveryCommandThatCallsTheModel() {
        Map<String, String> env = Map.of("BEDROCK_REGION", "eu-west-1", "BEDROCK_SERVICE_TIER", "priority");

        for (ConsumerConfig config : new ConsumerConfig[] {
                replay("--region", "eu-central-1", "--service-tier", "flex").configuration(env),
                worker("--stream", "posts", "--region", "eu-central-1", "--service-tier", "FLEX").modelOptions
                        .config(env),
                redrive("--queue", "q", "--region", "eu-central-1", "--service-tier", "flex").modelOptions
                        .config(env)}) {
            assertThat(config.bedrockRegion()).isEqualTo("eu-central-1");
            assertThat(config.serviceTier()).isEqualTo(ServiceTier.FLEX);
        }
        ConsumerConfig fromEnvironment = replay().configuration(env);
        assertThat(fromEnvironment.bedrockRegion()).isEqualTo("eu-west-1");
        assertThat(fromEnvironment.serviceTier()).isEqualTo(ServiceTier.PRIORITY);
    }

    @Test
    void theResultsOptionsReplaceTheirVariablesInReplayAndTheWorker() {
        Map<String, String> env = Map.of("RESULTS_SINK", "none", "RESULTS_BUCKET", "from-the-environment",
                "RESULTS_INCLUDE_TEXT", "true");

        for (ConsumerConfig config : new ConsumerConfig[] {
                replay("--results-sink", "s3", "--results-bucket", "from-the-option").configuration(env),
                worker("--stream", "posts", "--results-sink", "S3", "--results-bucket", "from-the-option")
                        .configuration(env)}) {
            assertThat(config.resultsSink()).isEqualTo(ResultsSink.S3);
            assertThat(config.resultsBucket()).isEqualTo("from-the-option");
            assertThat(config.resultsIncludeText()).isTrue();
        }
        assertThat(worker("--stream", "posts").configuration(Map.of()).resultsSink()).isEqualTo(ResultsSink.NONE);
        assertThat(replay("--results-sink", "s3").configuration(Map.of("RESULTS_BUCKET", "b")).resultsBucket())
                .isEqualTo("b");
    }

    @Test
    void theS3SinkOptionWithoutABucketFailsAtStartUpNamingTheFix() {
        assertThatThrownBy(() -> worker("--stream", "posts", "--results-sink", "s3").configuration(Map.of()))
                .hasMessageContaining("set RESULTS_BUCKET");
        assertThatThrownBy(() -> replay("--results-sink", "dynamodb"))
                .hasMessageContaining("--results-sink must be s3 or none; was 'dynamodb'");
    }

    @Test
    void aBadOptionValueFailsWithTheSameLineAsTheVariable() {
        assertThatThrownBy(() -> replay("--batch-size", "0").configuration(Map.of()))
                .hasMessage("BATCH_SIZE must be from 1 to 200; was 0");
    }

    @Test
    void theWorkersOptionsGoIntoItsSettingsOverTheEnvironment() {
        WorkerConfig settings = worker("--stream", "posts", "--application", "fleet", "--worker-id", "w1",
                "--enhanced-fan-out", "--kcl-metrics", "--retry-backoff-max", "PT5S", "--retry-backoff-initial",
                "PT0.1S", "--test-failover-millis", "2000").settings(Map.of("SUMMARY_INTERVAL", "500ms"));

        assertThat(settings).isEqualTo(new WorkerConfig("posts", "fleet", "w1", true, true, Duration.ofMillis(500),
                Duration.ofSeconds(60), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
                new WorkerConfig.Tuning(2000)));
        assertThat(worker("--stream", "posts").settings(Map.of()).applicationName())
                .isEqualTo("sentiment-consumer-posts");
    }

    @Test
    void theWorkerLogsJsonUnlessItRunsOnATerminal() {
        WorkerCommand byDefault = worker("--stream", "posts");

        assertThat(byDefault.logFormat.resolve(false)).isEqualTo(EventLog.Format.JSON);
        assertThat(byDefault.logFormat.resolve(true)).isEqualTo(EventLog.Format.TEXT);
        assertThat(worker("--stream", "posts", "--log-format", "json").logFormat.resolve(true))
                .isEqualTo(EventLog.Format.JSON);
        assertThat(worker("--stream", "posts", "--log-format", "TEXT").logFormat.resolve(false))
                .isEqualTo(EventLog.Format.TEXT);
    }

    private static WorkerCommand worker(String... args) {
        return (WorkerCommand) parse("worker", args);
    }

    private static RedriveCommand redrive(String... args) {
        return (RedriveCommand) parse("redrive", args);
    }

    private static ReplayCommand replay(String... args) {
        String[] withFile = new String[args.length + 1];
        withFile[0] = "events.json";
        System.arraycopy(args, 0, withFile, 1, args.length);
        return (ReplayCommand) parse("replay", withFile);
    }

    /** Parses as the jar's command line does (enum values in any case), without running the command. */
    private static Object parse(String command, String... args) {
        String[] line = new String[args.length + 1];
        line[0] = command;
        System.arraycopy(args, 0, line, 1, args.length);
        return Main.commandLine().parseArgs(line).subcommand().commandSpec().userObject();
    }
}
