package io.sentimentconsumer.publish;

/**
 * The one dimension set every metric carries, exactly {@code Environment} + {@code ModelId}, so that
 * {@code get-metric-statistics --dimensions Name=Environment,... Name=ModelId,...} finds them.
 */
public record MetricDimensions(String namespace, String environment, String modelId) {}
