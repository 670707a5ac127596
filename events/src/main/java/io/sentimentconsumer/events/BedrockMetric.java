package io.sentimentconsumer.events;

/**
 * Bedrock's own runtime metrics that the consumer's counts are reconciled with: the stack charts and alarms on them
 * and {@code reconcile} reads them. Calls made through an application inference profile are counted under
 * {@link #DIMENSION} = the profile's id (docs/observability.md, "Reconciling with Bedrock's count").
 */
public enum BedrockMetric {
    INPUT_TOKEN_COUNT("InputTokenCount"),
    OUTPUT_TOKEN_COUNT("OutputTokenCount");

    public static final String NAMESPACE = "AWS/Bedrock";
    /** The one dimension Bedrock's runtime metrics carry. */
    public static final String DIMENSION = "ModelId";

    private final String id;

    BedrockMetric(String id) {
        this.id = id;
    }

    /** The metric's name in CloudWatch. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
