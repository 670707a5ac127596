package io.sentimentconsumer.infra;

import static io.sentimentconsumer.infra.ConsumerMetrics.INPUT_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.OUTPUT_TOKENS;

import io.sentimentconsumer.events.BedrockMetric;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * Our token count next to the provider's: the consumer's {@code InputTokens} and {@code OutputTokens}, and Bedrock's
 * own {@code InputTokenCount} and {@code OutputTokenCount} for the calls through the deployment's application
 * inference profile. One definition, so that the reconciliation alarm watches the series the dashboard shows.
 *
 * <p>Bedrock reports calls through an application inference profile under {@code ModelId} = the profile's id (the
 * last part of its ARN), not the underlying model's id: see docs/observability.md, "Reconciling with Bedrock's
 * count", for the sources and what is left out on both sides (cache tokens).
 *
 * @param ours           the consumer's metrics
 * @param profileModelId the application inference profile's id
 */
public record TokenReconciliation(ConsumerMetrics ours, String profileModelId) {

    private static final Duration DAY = Duration.days(1);

    /** One of Bedrock's token counts for the profile, summed over the period. */
    public Metric bedrockSum(BedrockMetric metric, Duration period) {
        return Metric.Builder.create()
                .namespace(BedrockMetric.NAMESPACE)
                .metricName(metric.id())
                .dimensionsMap(Map.of(BedrockMetric.DIMENSION, profileModelId))
                .statistic("Sum")
                .period(period)
                .build();
    }

    /**
     * By how many percent our daily input + output tokens differ from Bedrock's. A side without data counts as
     * zero, so that a day on which only one side counted anything reads 100%; a day on which neither did reads 0.
     */
    public IMetric dailyDifferencePercent() {
        MathExpression oursPerDay = MathExpression.Builder.create()
                .expression("FILL(inputTokens, 0) + FILL(outputTokens, 0)")
                .usingMetrics(Map.of("inputTokens", ours.sum(INPUT_TOKENS, DAY),
                        "outputTokens", ours.sum(OUTPUT_TOKENS, DAY)))
                .period(DAY)
                .build();
        MathExpression bedrockPerDay = MathExpression.Builder.create()
                .expression("FILL(inputTokenCount, 0) + FILL(outputTokenCount, 0)")
                .usingMetrics(Map.of("inputTokenCount", bedrockSum(BedrockMetric.INPUT_TOKEN_COUNT, DAY),
                        "outputTokenCount", bedrockSum(BedrockMetric.OUTPUT_TOKEN_COUNT, DAY)))
                .period(DAY)
                .build();
        return MathExpression.Builder.create()
                .expression("IF(bedrock > 0, 100 * ABS(ours - bedrock) / bedrock, IF(ours > 0, 100, 0))")
                .usingMetrics(Map.of("ours", oursPerDay, "bedrock", bedrockPerDay))
                .label("Ours vs Bedrock's, input + output tokens (%)")
                .period(DAY)
                .build();
    }
}
