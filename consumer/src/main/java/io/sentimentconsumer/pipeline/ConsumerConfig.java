package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.events.Setting;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the consumer. A configuration starts from the defaults the events module's {@link Setting}
 * writes once for the consumer and the CDK app; the environment variables that are set replace them (the README's
 * configuration table lists them), and a runtime's own defaults and command-line options go through the
 * {@link Builder}, never back through an environment. Bad values fail at start-up with a message that names the
 * variable, the allowed values and what was given.
 *
 * @param modelId        {@code BEDROCK_MODEL_ID}; {@code null} when not set (Lambda then uses the default model,
 *                       {@code replay} the offline engine)
 * @param inferenceProfileArn {@code BEDROCK_INFERENCE_PROFILE_ARN}: the id sent to Converse in place of the model id
 *                       (the deployment's application inference profile); {@code null} sends the model id
 * @param bedrockRegion  {@code BEDROCK_REGION}; {@code null} leaves the region to the SDK ({@code AWS_REGION})
 * @param sdkRegion      the region the environment gives the SDK: {@code AWS_REGION}, else the CLI's
 *                       {@code AWS_DEFAULT_REGION}; {@code null} when neither is set (a profile file's region is not
 *                       seen here)
 * @param serviceTier    {@code BEDROCK_SERVICE_TIER}: the tier each request asks for
 * @param priceTableFile {@code PRICE_TABLE_FILE}; {@code null} for the bundled table
 * @param deadlineMarginMillis {@code DEADLINE_MARGIN_MS}: time kept free before Lambda's deadline for the summary
 *                       and metrics; no model call starts unless one as slow as the slowest recent one ends before
 * @param resultsSink    {@code RESULTS_SINK}: where each post's result and each call's cost are kept
 * @param resultsBucket  {@code RESULTS_BUCKET}: the bucket of the datasets; required with {@code s3}
 * @param resultsIncludeText {@code RESULTS_INCLUDE_TEXT}: whether posts rows carry the post's text
 */
public record ConsumerConfig(
        String modelId,
        String inferenceProfileArn,
        String bedrockRegion,
        String sdkRegion,
        ServiceTier serviceTier,
        int batchSize,
        int concurrency,
        int maxPostChars,
        MetricsSink metricsSink,
        String metricsNamespace,
        String environment,
        Path priceTableFile,
        int deadlineMarginMillis,
        ResultsSink resultsSink,
        String resultsBucket,
        boolean resultsIncludeText) {

    public ConsumerConfig {
        requireRange(Setting.BATCH_SIZE, batchSize);
        requireRange(Setting.BEDROCK_CONCURRENCY, concurrency);
        requireRange(Setting.MAX_POST_CHARS, maxPostChars);
        requireRange(Setting.DEADLINE_MARGIN_MS, deadlineMarginMillis);
        Objects.requireNonNull(metricsSink, "metricsSink");
        Objects.requireNonNull(serviceTier, "serviceTier");
        if (serviceTier == ServiceTier.RESERVED) {
            throw new IllegalArgumentException(Setting.BEDROCK_SERVICE_TIER.variable() + " must be one of default, "
                    + "flex, priority; reserved capacity is not asked for per request");
        }
        requireNotBlank(Setting.METRICS_NAMESPACE, metricsNamespace);
        requireNotBlank(Setting.ENVIRONMENT, environment);
        Objects.requireNonNull(resultsSink, "resultsSink");
        if (resultsSink == ResultsSink.S3 && (resultsBucket == null || resultsBucket.isBlank())) {
            throw new IllegalArgumentException(Setting.RESULTS_SINK.variable() + "=s3 needs the bucket to write to: "
                    + "set " + Setting.RESULTS_BUCKET.variable() + " (the stack's ResultsBucketName output), or set "
                    + Setting.RESULTS_SINK.variable() + "=none to keep no results");
        }
    }

    /** The defaults alone, as an empty environment gives them. */
    public static ConsumerConfig defaults() {
        return builder().build();
    }

    /** The defaults, with the variables {@code env} sets in their place. */
    public static ConsumerConfig fromEnvironment(Map<String, String> env) {
        return builder().variables(env).build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration, e.g. to put command-line options in place of its values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The configured model, or the default one. */
    public String modelIdOrDefault() {
        return modelId == null ? Setting.DEFAULT_MODEL_ID : modelId;
    }

    /** Collects settings; {@link #build()} checks them together. */
    public static final class Builder {
        private String modelId;
        private String inferenceProfileArn;
        private String bedrockRegion;
        private String sdkRegion;
        private ServiceTier serviceTier = ServiceTier.of(Setting.BEDROCK_SERVICE_TIER.defaultValue());
        private int batchSize = Setting.BATCH_SIZE.defaultInt();
        private int concurrency = Setting.BEDROCK_CONCURRENCY.defaultInt();
        private int maxPostChars = Setting.MAX_POST_CHARS.defaultInt();
        private MetricsSink metricsSink = sink(Setting.METRICS_SINK.defaultValue());
        private String metricsNamespace = Setting.METRICS_NAMESPACE.defaultValue();
        private String environment = Setting.ENVIRONMENT.defaultValue();
        private Path priceTableFile;
        private int deadlineMarginMillis = Setting.DEADLINE_MARGIN_MS.defaultInt();
        private ResultsSink resultsSink = parseResultsSink(Setting.RESULTS_SINK.defaultValue());
        private String resultsBucket;
        private boolean resultsIncludeText = includeText(Setting.RESULTS_INCLUDE_TEXT.defaultValue());

        private Builder() {}

        private Builder(ConsumerConfig config) {
            modelId = config.modelId;
            inferenceProfileArn = config.inferenceProfileArn;
            bedrockRegion = config.bedrockRegion;
            sdkRegion = config.sdkRegion;
            serviceTier = config.serviceTier;
            batchSize = config.batchSize;
            concurrency = config.concurrency;
            maxPostChars = config.maxPostChars;
            metricsSink = config.metricsSink;
            metricsNamespace = config.metricsNamespace;
            environment = config.environment;
            priceTableFile = config.priceTableFile;
            deadlineMarginMillis = config.deadlineMarginMillis;
            resultsSink = config.resultsSink;
            resultsBucket = config.resultsBucket;
            resultsIncludeText = config.resultsIncludeText;
        }

        /** Takes every setting the environment variables {@code env} set; the others keep their value here. */
        public Builder variables(Map<String, String> env) {
            Variables variables = new Variables(env);
            variables.ifSet(Setting.BEDROCK_MODEL_ID, v -> modelId = blankToNull(v));
            variables.ifSet(Setting.BEDROCK_INFERENCE_PROFILE_ARN, v -> inferenceProfileArn = blankToNull(v));
            variables.ifSet(Setting.BEDROCK_REGION, v -> bedrockRegion = blankToNull(v));
            variables.ifGiven(Setting.BEDROCK_SERVICE_TIER, v -> serviceTier = tier(v));
            // The SDK's own variables, not the consumer's settings: read for the Region calls are billed in.
            String awsRegion = env.get("AWS_REGION");
            String awsDefaultRegion = env.get("AWS_DEFAULT_REGION");
            if (awsRegion != null && !awsRegion.isBlank()) {
                sdkRegion = awsRegion.trim();
            } else if (awsDefaultRegion != null && !awsDefaultRegion.isBlank()) {
                sdkRegion = awsDefaultRegion.trim();
            }
            variables.ifInteger(Setting.BATCH_SIZE, v -> batchSize = v);
            variables.ifInteger(Setting.BEDROCK_CONCURRENCY, v -> concurrency = v);
            variables.ifInteger(Setting.MAX_POST_CHARS, v -> maxPostChars = v);
            variables.ifSet(Setting.METRICS_SINK, v -> metricsSink = sink(v));
            variables.ifSet(Setting.METRICS_NAMESPACE, v -> metricsNamespace = v);
            variables.ifSet(Setting.ENVIRONMENT, v -> environment = v);
            variables.ifSet(Setting.PRICE_TABLE_FILE, v -> priceTableFile = v.isBlank() ? null : Path.of(v.trim()));
            variables.ifInteger(Setting.DEADLINE_MARGIN_MS, v -> deadlineMarginMillis = v);
            variables.ifGiven(Setting.RESULTS_SINK, v -> resultsSink = parseResultsSink(v));
            variables.ifSet(Setting.RESULTS_BUCKET, v -> resultsBucket = blankToNull(v));
            variables.ifGiven(Setting.RESULTS_INCLUDE_TEXT, v -> resultsIncludeText = includeText(v));
            return this;
        }

        /** {@code null}: no model chosen (Lambda then uses the default one, {@code replay} the offline engine). */
        public Builder modelId(String value) {
            modelId = value;
            return this;
        }

        /** {@code null}: Converse gets the model id. */
        public Builder inferenceProfileArn(String value) {
            inferenceProfileArn = value;
            return this;
        }

        public Builder serviceTier(ServiceTier value) {
            serviceTier = value;
            return this;
        }

        /** {@code null}: the SDK's region. */
        public Builder bedrockRegion(String value) {
            bedrockRegion = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder maxPostChars(int value) {
            maxPostChars = value;
            return this;
        }

        public Builder metricsSink(MetricsSink value) {
            metricsSink = value;
            return this;
        }

        public Builder metricsNamespace(String value) {
            metricsNamespace = value;
            return this;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        /** {@code null}: the bundled table. */
        public Builder priceTableFile(Path value) {
            priceTableFile = value;
            return this;
        }

        public Builder deadlineMarginMillis(int value) {
            deadlineMarginMillis = value;
            return this;
        }

        /** {@code s3} keeps the results datasets in {@link #resultsBucket}; {@code none} keeps none. */
        public Builder resultsSink(ResultsSink value) {
            resultsSink = value;
            return this;
        }

        /** {@code null}: no bucket (required with {@code s3}). */
        public Builder resultsBucket(String value) {
            resultsBucket = value;
            return this;
        }

        public Builder resultsIncludeText(boolean value) {
            resultsIncludeText = value;
            return this;
        }

        public ConsumerConfig build() {
            return new ConsumerConfig(modelId, inferenceProfileArn, bedrockRegion, sdkRegion, serviceTier, batchSize,
                    concurrency, maxPostChars, metricsSink,
                    metricsNamespace, environment, priceTableFile, deadlineMarginMillis, resultsSink, resultsBucket,
                    resultsIncludeText);
        }
    }

    private static MetricsSink sink(String value) {
        return oneOf(Setting.METRICS_SINK, value, MetricsSink.values(), MetricsSink::id);
    }

    private static ResultsSink parseResultsSink(String value) {
        return oneOf(Setting.RESULTS_SINK, value, ResultsSink.values(), ResultsSink::id);
    }

    /** The constant {@code value} names, in any case; else an error listing the values {@code setting} takes. */
    private static <E extends Enum<E>> E oneOf(Setting setting, String value, E[] values, Function<E, String> id) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting.variable() + " must be one of "
                        + Arrays.stream(values).map(id).collect(Collectors.joining(", ")) + "; was '" + value
                        + "'"));
    }

    /** Only the two words: a typo must not decide, silently, whether post text is kept. */
    private static boolean includeText(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(Setting.RESULTS_INCLUDE_TEXT.variable()
                    + " must be true or false; was '" + value + "'");
        };
    }

    private static ServiceTier tier(String value) {
        try {
            return ServiceTier.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.BEDROCK_SERVICE_TIER.variable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Region calls are billed in: the one they are sent to ({@code BEDROCK_REGION}, else the SDK's), whichever
     * Region serves them. Empty when the environment names none: calls are then unpriced.
     */
    public Optional<String> billingRegion() {
        return Optional.ofNullable(bedrockRegion != null ? bedrockRegion : sdkRegion);
    }

    /** The id Converse is called with: the deployment's inference profile, or the model itself. */
    public String invokedModelId() {
        return inferenceProfileArn == null ? modelIdOrDefault() : inferenceProfileArn;
    }

    private static void requireRange(Setting setting, int value) {
        Setting.Range range = setting.range();
        if (!range.contains(value)) {
            throw new IllegalArgumentException(setting.variable() + " must be from " + range.min() + " to "
                    + range.max() + "; was " + value);
        }
    }

    private static void requireNotBlank(Setting setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting.variable() + " must not be blank");
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }
}
