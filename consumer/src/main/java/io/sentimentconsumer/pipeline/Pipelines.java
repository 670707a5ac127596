package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallPricing;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.aws.BedrockConverseModel;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.publish.CloudWatchMetricsPublisher;
import io.sentimentconsumer.publish.EmfMetricsPublisher;
import io.sentimentconsumer.publish.ImmediateMetrics;
import io.sentimentconsumer.publish.MetricDimensions;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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
        BedrockConverseModel.Target target = new BedrockConverseModel.Target(
                config.modelIdOrDefault(), config.invokedModelId(), config.serviceTier());
        return create(config, BedrockConverseModel.create(target, config.bedrockRegion()), log);
    }

    /** The pipeline on any model. */
    public static SentimentPipeline create(ConsumerConfig config, SentimentModel model, EventLog log) {
        return create(config, model, log, Clock.systemUTC());
    }

    /**
     * The pipeline on any model, its calls priced in the billing Region that {@code env} and the configuration
     * name. A stale price table is warned about here: every runtime builds its one pipeline per process here.
     */
    static SentimentPipeline create(ConsumerConfig config, SentimentModel model, EventLog log, Clock clock) {
        PriceTable prices = PriceTable.load(config.priceTableFile());
        prices.staleness(clock).ifPresent(warning -> log.write(
                new InvocationLine.PriceTableStale(warning, prices.origin(), prices.newestAsOf().toString())));
        CallPricing pricing = CallPricing.of(prices, model.pricedAs(), config.billingRegion(),
                config.serviceTier(), "no Region to price calls in: set BEDROCK_REGION (or AWS_REGION) to the Region "
                        + "the Bedrock client sends calls to");
        return SentimentPipeline.builder(model, log)
                .batchSize(config.batchSize())
                .concurrency(config.concurrency())
                .maxPostChars(config.maxPostChars())
                .deadlineMargin(deadlineMargin(config))
                .pricing(pricing)
                .memory(new OutcomeMemory(OutcomeMemory.DEFAULT_BYTES))
                .build();
    }

    /**
     * The time kept free before a deadline: {@code DEADLINE_MARGIN_MS} for the summary and metrics, and with results
     * written to S3 the time their two objects may take at worst, so that a slow bucket never makes Lambda time out
     * with every record's outcome lost.
     */
    static Duration deadlineMargin(ConsumerConfig config) {
        Duration margin = Duration.ofMillis(config.deadlineMarginMillis());
        return config.resultsSink() == ResultsSink.S3 ? margin.plus(AwsClients.resultsWritesWorstCase()) : margin;
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
