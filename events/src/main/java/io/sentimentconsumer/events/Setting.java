package io.sentimentconsumer.events;

/**
 * The consumer's settings, as environment variables, with their defaults written once: the consumer reads them
 * (its configuration) and the CDK app takes its parameters' defaults from them, so a deployed function and a local
 * run start from the same values.
 */
public enum Setting {
    BEDROCK_MODEL_ID(Setting.DEFAULT_MODEL_ID),
    /**
     * The application inference profile the deployment made for the model: the id sent to Converse as its
     * {@code modelId}, so that Bedrock counts and bills the calls under the profile. {@link #BEDROCK_MODEL_ID} stays
     * the {@code ModelId} metric dimension and the key of the price table. Default: none, the model id is sent.
     */
    BEDROCK_INFERENCE_PROFILE_ARN(null),
    /** Default: the SDK's region ({@code AWS_REGION}). */
    BEDROCK_REGION(null),
    BATCH_SIZE("25"),
    BEDROCK_CONCURRENCY("4"),
    MAX_POST_CHARS("1000"),
    METRICS_SINK("emf"),
    METRICS_NAMESPACE("SentimentAnalysis/Bedrock"),
    ENVIRONMENT("dev"),
    /** Default: the bundled price table. */
    PRICE_TABLE_FILE(null),
    DEADLINE_MARGIN_MS("2000");

    /** The default model, as a constant for annotations and help texts. */
    public static final String DEFAULT_MODEL_ID = "amazon.nova-micro-v1:0";

    private final String defaultValue;

    Setting(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** The environment variable's name. */
    public String variable() {
        return name();
    }

    /** The default, as the variable would spell it; {@code null} where there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public int defaultInt() {
        return Integer.parseInt(defaultValue);
    }
}
