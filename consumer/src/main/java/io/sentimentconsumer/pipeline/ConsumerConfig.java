package io.sentimentconsumer.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of the consumer, read from environment variables (the README's configuration table lists them).
 * Bad values fail at start-up with a message that names the variable, the allowed values and what was given.
 *
 * @param modelId        {@code BEDROCK_MODEL_ID}; {@code null} when not set (Lambda then uses the default model,
 *                       {@code replay} the offline engine)
 * @param bedrockRegion  {@code BEDROCK_REGION}; {@code null} leaves the region to the SDK ({@code AWS_REGION})
 * @param priceTableFile {@code PRICE_TABLE_FILE}; {@code null} for the bundled table
 * @param deadlineMarginMillis {@code DEADLINE_MARGIN_MS}: time kept free before Lambda's deadline for the summary
 *                       and metrics; no model call starts unless one as slow as the slowest recent one ends before
 */
public record ConsumerConfig(
        String modelId,
        String bedrockRegion,
        int batchSize,
        int concurrency,
        int maxPostChars,
        MetricsSink metricsSink,
        String metricsNamespace,
        String environment,
        Path priceTableFile,
        int deadlineMarginMillis) {

    public static final String DEFAULT_MODEL_ID = "amazon.nova-micro-v1:0";
    public static final int MAX_BATCH_SIZE = 200;

    public enum MetricsSink { EMF, CLOUDWATCH, NONE }

    public ConsumerConfig {
        requireRange("BATCH_SIZE", batchSize, 1, MAX_BATCH_SIZE);
        requireRange("BEDROCK_CONCURRENCY", concurrency, 1, 64);
        requireRange("MAX_POST_CHARS", maxPostChars, 1, 100_000);
        requireRange("DEADLINE_MARGIN_MS", deadlineMarginMillis, 0, 600_000);
        if (metricsNamespace == null || metricsNamespace.isBlank()) {
            throw new IllegalArgumentException("METRICS_NAMESPACE must not be blank");
        }
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("ENVIRONMENT must not be blank");
        }
    }

    public static ConsumerConfig fromEnvironment(Map<String, String> env) {
        return new ConsumerConfig(
                blankToNull(env.get("BEDROCK_MODEL_ID")),
                blankToNull(env.get("BEDROCK_REGION")),
                integer(env, "BATCH_SIZE", 25),
                integer(env, "BEDROCK_CONCURRENCY", 4),
                integer(env, "MAX_POST_CHARS", 1000),
                sink(env.getOrDefault("METRICS_SINK", "emf")),
                env.getOrDefault("METRICS_NAMESPACE", "SentimentAnalysis/Bedrock"),
                env.getOrDefault("ENVIRONMENT", "dev"),
                env.get("PRICE_TABLE_FILE") == null || env.get("PRICE_TABLE_FILE").isBlank()
                        ? null : Path.of(env.get("PRICE_TABLE_FILE")),
                integer(env, "DEADLINE_MARGIN_MS", 2000));
    }

    /** The configured model, or the default one. */
    public String modelIdOrDefault() {
        return modelId == null ? DEFAULT_MODEL_ID : modelId;
    }

    public static MetricsSink sink(String value) {
        try {
            return MetricsSink.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "METRICS_SINK must be one of emf, cloudwatch, none; was '" + value + "'", e);
        }
    }

    private static int integer(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer; was '" + value + "'", e);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be from " + min + " to " + max + "; was " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
