package io.sentimentconsumer.cli;

import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.Setting;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.offline.LexiconSentimentModel;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model and metrics options of the commands that score a stream's records for real, {@code worker} and
 * {@code redrive}: unlike {@code replay}, they default to Bedrock and to CloudWatch metrics.
 */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "ID",
            description = "Bedrock model or inference profile id (default: BEDROCK_MODEL_ID, else "
                    + Setting.DEFAULT_MODEL_ID + ")")
    String model;

    @Option(names = "--metrics", paramLabel = "SINK",
            description = "cloudwatch (PutMetricData), emf (stdout) or none (default: METRICS_SINK, else cloudwatch)")
    MetricsSink metrics;

    /** --region and --service-tier. */
    @Mixin
    BedrockOptions bedrock;

    @Option(names = "--offline", description = "score with the offline lexicon engine instead of Bedrock (local "
            + "runs without an AWS account; token figures are estimates)")
    boolean offline;

    /**
     * The configuration of these commands: CloudWatch metrics unless {@code env} says otherwise (a model is
     * Bedrock's default one unless it names one), and the options given in place of the environment's values.
     */
    ConsumerConfig config(Map<String, String> env) {
        return config(env, more -> { });
    }

    /** The same, with a command's own options ({@code more}) put in place too before the settings are checked. */
    ConsumerConfig config(Map<String, String> env, Consumer<ConsumerConfig.Builder> more) {
        ConsumerConfig.Builder config = ConsumerConfig.builder().metricsSink(MetricsSink.CLOUDWATCH).variables(env);
        Optional.ofNullable(model).ifPresent(config::modelId);
        Optional.ofNullable(metrics).ifPresent(config::metricsSink);
        bedrock.applyTo(config);
        more.accept(config);
        return config.build();
    }

    /** The pipeline on Bedrock, or on the offline engine with {@code --offline}. */
    SentimentPipeline pipeline(ConsumerConfig config, EventLog log) {
        return offline ? Pipelines.create(config, new LexiconSentimentModel(), log) : Pipelines.bedrock(config, log);
    }
}
