package io.sentimentconsumer.cli;

import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.offline.LexiconSentimentModel;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The model and metrics options of the commands that score a stream's records for real, {@code worker} and
 * {@code redrive}: unlike {@code replay}, they default to Bedrock and to CloudWatch metrics.
 */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "ID",
            description = "Bedrock model or inference profile id (default: BEDROCK_MODEL_ID, else "
                    + ConsumerConfig.DEFAULT_MODEL_ID + ")")
    String model;

    @Option(names = "--metrics", paramLabel = "SINK",
            description = "cloudwatch (PutMetricData), emf (stdout) or none (default: METRICS_SINK, else cloudwatch)")
    ConsumerConfig.MetricsSink metrics;

    @Option(names = "--offline", description = "score with the offline lexicon engine instead of Bedrock (local "
            + "runs without an AWS account; token figures are estimates)")
    boolean offline;

    /** The process's environment with the defaults of these commands and the options given in their place. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("BEDROCK_MODEL_ID", ConsumerConfig.DEFAULT_MODEL_ID);
        env.putIfAbsent("METRICS_SINK", "cloudwatch");
        if (model != null) {
            env.put("BEDROCK_MODEL_ID", model);
        }
        if (metrics != null) {
            env.put("METRICS_SINK", metrics.name());
        }
        return env;
    }

    /** The pipeline on Bedrock, or on the offline engine with {@code --offline}. */
    SentimentPipeline pipeline(ConsumerConfig config, EventLog log) {
        return offline ? Pipelines.create(config, new LexiconSentimentModel(), log) : Pipelines.bedrock(config, log);
    }
}
