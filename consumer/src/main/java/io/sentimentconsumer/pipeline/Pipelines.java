package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.aws.BedrockConverseModel;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.publish.CloudWatchMetricsPublisher;
import io.sentimentconsumer.publish.EmfMetricsPublisher;
import io.sentimentconsumer.publish.ImmediateMetrics;
import io.sentimentconsumer.publish.MetricDimensions;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.io.PrintStream;
import java.time.Duration;

/** Assembles a pipeline from configuration; each runtime calls this once per process. */
public final class Pipelines {

    private Pipelines() {}

    /** The configured metrics sink, under the configured namespace and {@code Environment} + {@code ModelId}. */
    public static MetricsPublisher publisher(ConsumerConfig config, String modelId, PrintStream metricsOut) {
        MetricDimensions dimensions = new MetricDimensions(config.metricsNamespace(), config.environment(), modelId);
        return switch (config.metricsSink()) {
            case EMF -> new EmfMetricsPublisher(metricsOut, dimensions);
            case CLOUDWATCH -> new CloudWatchMetricsPublisher(AwsClients.cloudWatch(), dimensions);
            case NONE -> MetricsPublisher.NONE;
        };
    }

    /** The pipeline on Amazon Bedrock with the configured (or default) model. */
    public static SentimentPipeline bedrock(ConsumerConfig config, EventLog log) {
        return create(config, BedrockConverseModel.create(config.modelIdOrDefault(), config.bedrockRegion()), log);
    }

    /** The pipeline on any model. */
    public static SentimentPipeline create(ConsumerConfig config, SentimentModel model, EventLog log) {
        PriceTable prices = config.priceTableFile() == null
                ? PriceTable.bundled()
                : PriceTable.fromFile(config.priceTableFile());
        return SentimentPipeline.builder(model, log)
                .batchSize(config.batchSize())
                .concurrency(config.concurrency())
                .maxPostChars(config.maxPostChars())
                .deadlineMargin(Duration.ofMillis(config.deadlineMarginMillis()))
                .price(prices.priceFor(model.pricedAs()))
                .memory(new OutcomeMemory(OutcomeMemory.DEFAULT_BYTES))
                .build();
    }

    /**
     * The reporter of a runtime that reports each delivery (Lambda, replay, redrive): each delivery's measurements
     * published to the configured metrics sink at once, then its summary line.
     *
     * @param metricsOut where EMF documents go (stdout in Lambda)
     */
    public static InvocationReporter reporter(ConsumerConfig config, SentimentModel model, EventLog log,
                                              PrintStream metricsOut) {
        return new InvocationReporter(new ImmediateMetrics(publisher(config, model.modelId(), metricsOut), log), log,
                model.modelId(), model.estimated());
    }
}
