package io.sentimentconsumer.reconcile;

import io.sentimentconsumer.events.BedrockMetric;
import io.sentimentconsumer.events.Metric;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/** The five series read for each model: four token counts, two on each side, and our abandoned attempts. */
enum Series {
    OUR_INPUT(Metric.INPUT_TOKENS.id()),
    OUR_OUTPUT(Metric.OUTPUT_TOKENS.id()),
    BEDROCK_INPUT(BedrockMetric.INPUT_TOKEN_COUNT.id()),
    BEDROCK_OUTPUT(BedrockMetric.OUTPUT_TOKEN_COUNT.id()),
    ABANDONED_ATTEMPTS(Metric.ABANDONED_ATTEMPTS.id());

    static final String BEDROCK_NAMESPACE = BedrockMetric.NAMESPACE;

    private final String metricName;

    Series(String metricName) {
        this.metricName = metricName;
    }

    boolean bedrocks() {
        return this == BEDROCK_INPUT || this == BEDROCK_OUTPUT;
    }

    /** The metric for {@code target}: ours under Environment + ModelId, Bedrock's under its ModelId alone. */
    software.amazon.awssdk.services.cloudwatch.model.Metric metric(ReconcileQuery query, Target target) {
        var metric = software.amazon.awssdk.services.cloudwatch.model.Metric.builder().metricName(metricName);
        if (bedrocks()) {
            return metric.namespace(BEDROCK_NAMESPACE)
                    .dimensions(dimension(BedrockMetric.DIMENSION, target.profileId()))
                    .build();
        }
        // The order Metric.DIMENSIONS gives; CloudWatch matches dimension sets in any order.
        return metric.namespace(query.namespace())
                .dimensions(dimension(Metric.DIMENSIONS.get(0), query.environment()),
                        dimension(Metric.DIMENSIONS.get(1), target.modelId()))
                .build();
    }

    /** A query id: unique in the request, a lower-case letter first, as GetMetricData requires. */
    String queryId(int target) {
        return "m" + target + "_" + name().toLowerCase(Locale.ROOT);
    }

    /** Which series of which model a query is, for messages. */
    String describe(ReconcileQuery query, Target target) {
        return (bedrocks() ? BEDROCK_NAMESPACE + " " + metricName + " (ModelId=" + target.profileId() + ")"
                : query.namespace() + " " + metricName + " (Environment=" + query.environment() + ", ModelId="
                        + target.modelId() + ")");
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
