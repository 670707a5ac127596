package io.sentimentconsumer.events;

/**
 * The consumer's settings, as environment variables, with their defaults and allowed ranges written once: the
 * consumer reads them (its configuration) and the CDK app takes its parameters' defaults and checks from them, so a
 * deployed function and a local run start from the same values and refuse the same ones.
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
    /**
     * The service tier each Converse request asks for: {@code default}, {@code flex} or {@code priority}. A call is
     * priced at the tier its response reports, which may differ from the one asked for.
     */
    BEDROCK_SERVICE_TIER("default"),
    BATCH_SIZE("25", 1, 200),
    BEDROCK_CONCURRENCY("4", 1, 64),
    MAX_POST_CHARS("1000", 1, 100_000),
    METRICS_SINK("emf"),
    METRICS_NAMESPACE("SentimentAnalysis/Bedrock"),
    ENVIRONMENT("dev"),
    /** Default: the bundled price table. */
    PRICE_TABLE_FILE(null),
    DEADLINE_MARGIN_MS("2000", 0, 600_000),
    /** {@code s3} keeps every post's result and every call's cost in {@link #RESULTS_BUCKET}; {@code none} does not. */
    RESULTS_SINK("none"),
    /** The bucket of the {@link Dataset}s; required with {@code RESULTS_SINK=s3}. */
    RESULTS_BUCKET(null),
    /** Whether posts rows carry the post's text: a privacy choice, off unless chosen. */
    RESULTS_INCLUDE_TEXT("false"),
    /** The worker's only: how often it writes its cumulative summary, in seconds ({@code 60}, {@code 60s}) or ms. */
    SUMMARY_INTERVAL("60s");

    /** The default model, as a constant for annotations and help texts. */
    public static final String DEFAULT_MODEL_ID = "amazon.nova-micro-v1:0";

    private final String defaultValue;
    private final Range range;

    Setting(String defaultValue) {
        this.defaultValue = defaultValue;
        this.range = null;
    }

    Setting(String defaultValue, int min, int max) {
        this.defaultValue = defaultValue;
        this.range = new Range(min, max);
    }

    /** The values an integer setting allows, both ends included. */
    public record Range(int min, int max) {

        public boolean contains(int value) {
            return value >= min && value <= max;
        }
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

    /** The values an integer setting allows. */
    public Range range() {
        if (range == null) {
            throw new IllegalStateException(name() + " is not an integer setting: it has no range");
        }
        return range;
    }
}
