package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.events.Setting;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of the consumer, read from environment variables (the README's configuration table lists them),
 * with the defaults the events module's {@link Setting} writes once for the consumer and the CDK app.
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

    public static final String DEFAULT_MODEL_ID = Setting.DEFAULT_MODEL_ID;
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
                blankToNull(env.get(Setting.BEDROCK_MODEL_ID.variable())),
                blankToNull(env.get(Setting.BEDROCK_REGION.variable())),
                integer(env, Setting.BATCH_SIZE),
                integer(env, Setting.BEDROCK_CONCURRENCY),
                integer(env, Setting.MAX_POST_CHARS),
                sink(text(env, Setting.METRICS_SINK)),
                text(env, Setting.METRICS_NAMESPACE),
                text(env, Setting.ENVIRONMENT),
                blankToNull(env.get(Setting.PRICE_TABLE_FILE.variable())) == null
                        ? null : Path.of(env.get(Setting.PRICE_TABLE_FILE.variable()).trim()),
                integer(env, Setting.DEADLINE_MARGIN_MS));
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

    /** The variable's value, or its default when it is not set. */
    private static String text(Map<String, String> env, Setting setting) {
        return env.getOrDefault(setting.variable(), setting.defaultValue());
    }

    private static int integer(Map<String, String> env, Setting setting) {
        String value = env.get(setting.variable());
        if (value == null || value.isBlank()) {
            return setting.defaultInt();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.variable() + " must be an integer; was '" + value + "'", e);
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
