package io.sentimentconsumer.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every deploy-time parameter of the app, read from CDK context ({@code -c name=value} or {@code cdk.json}), with
 * the defaults the README documents. Bad values stop the synth with a message naming the parameter.
 *
 * @param environment          {@code environment}: the {@code Environment} dimension, and part of every name
 * @param modelId              {@code modelId}: {@code BEDROCK_MODEL_ID}; a foundation model or a cross-region profile
 * @param bedrockRegion        {@code bedrockRegion}: {@code BEDROCK_REGION}; empty means the stack's region
 * @param profileRegions       {@code bedrockProfileRegions}: the regions a cross-region profile routes to; empty
 *                             means the defaults of {@link BedrockModelAccess} for the profile's prefix
 * @param customerManagedStreamKey {@code streamKey}: {@code aws-managed} (default: KMS with the {@code aws/kinesis}
 *                             key, no per-request KMS cost for producers and consumers) or {@code customer-managed}
 * @param lambdaJar            {@code lambdaJar}: the Lambda artifact
 * @param workerImageContext   {@code workerImageContext}: the worker image's build context, the repository root;
 *                             it must hold {@link KclWorker#DOCKERFILE} and {@link KclWorker#WORKER_JAR}
 * @param reservedConcurrency  {@code reservedConcurrency}: empty for none
 * @param alarmEmail           {@code alarmEmail}: empty for no subscription
 * @param mappingEnabled       {@code mappingEnabled}: whether the event source mapping polls; defaults to
 *                             {@code !worker}, so the Lambda and the worker never both score (and bill) each post
 */
public record StackParameters(
        String environment,
        String modelId,
        Optional<String> bedrockRegion,
        List<String> profileRegions,
        int batchSize,
        int bedrockConcurrency,
        int maxPostChars,
        MetricsSink metricsSink,
        String metricsNamespace,
        StreamCapacity streamCapacity,
        boolean customerManagedStreamKey,
        int shardCount,
        int streamRetentionHours,
        Path lambdaJar,
        int memoryMb,
        int timeoutSeconds,
        Optional<Integer> reservedConcurrency,
        boolean snapStart,
        int logRetentionDays,
        StartingPosition startingPosition,
        int parallelizationFactor,
        int maxRetryAttempts,
        int maxRecordAgeSeconds,
        boolean mappingEnabled,
        double monthlyBudgetUsd,
        double tokensPerPostThreshold,
        int iteratorAgeAlarmSeconds,
        double costAnomalyStdDevs,
        Optional<String> alarmEmail,
        boolean retainData,
        boolean worker,
        int workerCount,
        int workerCpu,
        int workerMemoryMb,
        Path workerImageContext) {

    /** Records per invocation: the event source mapping's batch, which the consumer's defaults are sized for. */
    public static final int MAPPING_BATCH_SIZE = 150;
    /** Seconds the mapping waits to fill a batch. */
    public static final int MAPPING_BATCHING_WINDOW_SECONDS = 5;

    /**
     * Seven days, the end of Kinesis's extended retention: a range the mapping gives up on (at {@code
     * maxRecordAgeSeconds} at the latest) stays readable for {@link #redriveWindowHours()} more, so a failure on a
     * Friday evening can still be redriven on Monday. 24 hours left 18, less than a night and a day. Retention cannot
     * be raised after the fact: records older than the old retention stay gone.
     */
    public static final int DEFAULT_STREAM_RETENTION_HOURS = 168;

    public static final String DEFAULT_MODEL_ID = "amazon.nova-micro-v1:0";
    public static final String DEFAULT_NAMESPACE = "SentimentAnalysis/Bedrock";
    public static final String LAMBDA_JAR = "consumer/target/sentiment-consumer-lambda.jar";

    /** The values CloudWatch Logs accepts for a retention in days. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9.:-]{2,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public enum MetricsSink { EMF, CLOUDWATCH }

    public enum StreamCapacity { ON_DEMAND, PROVISIONED }

    public enum StartingPosition { LATEST, TRIM_HORIZON }

    /** {@code aws-managed}: the {@code aws/kinesis} KMS key; {@code customer-managed}: the stack's own key. */
    public enum StreamKey { AWS_MANAGED, CUSTOMER_MANAGED }

    public StackParameters {
        require(NAME.matcher(environment).matches(), "environment",
                "lowercase letters, digits and hyphens, at most 31 characters", environment);
        require(MODEL_ID.matcher(modelId).matches(), "modelId", "a Bedrock model or inference profile id", modelId);
        bedrockRegion.ifPresent(r -> require(REGION.matcher(r).matches(), "bedrockRegion", "a region name", r));
        profileRegions.forEach(r -> require(REGION.matcher(r).matches(), "bedrockProfileRegions",
                "comma-separated region names", r));
        range("batchSize", batchSize, 1, 200);
        range("bedrockConcurrency", bedrockConcurrency, 1, 64);
        range("maxPostChars", maxPostChars, 1, 100_000);
        require(!metricsNamespace.isBlank() && !metricsNamespace.startsWith("AWS/"), "metricsNamespace",
                "a custom namespace (not AWS/...)", metricsNamespace);
        range("shardCount", shardCount, 1, 10_000);
        range("streamRetentionHours", streamRetentionHours, 24, 8760);
        range("memoryMb", memoryMb, 512, 10_240);
        range("timeoutSeconds", timeoutSeconds, 10, 900);
        reservedConcurrency.ifPresent(c -> range("reservedConcurrency", c, 1, 1000));
        require(LOG_RETENTION_DAYS.contains(logRetentionDays), "logRetentionDays",
                "one of CloudWatch Logs' retention values " + LOG_RETENTION_DAYS, String.valueOf(logRetentionDays));
        range("parallelizationFactor", parallelizationFactor, 1, 10);
        range("maxRetryAttempts", maxRetryAttempts, 0, 10_000);
        range("maxRecordAgeSeconds", maxRecordAgeSeconds, 60, 604_800);
        require(maxRecordAgeSeconds < streamRetentionHours * 3600, "maxRecordAgeSeconds",
                "less than the stream's retention, so records the DLQ points at can still be read",
                String.valueOf(maxRecordAgeSeconds));
        require(monthlyBudgetUsd > 0, "monthlyBudgetUsd", "a positive amount", String.valueOf(monthlyBudgetUsd));
        require(tokensPerPostThreshold > 0, "tokensPerPostThreshold", "a positive number",
                String.valueOf(tokensPerPostThreshold));
        range("iteratorAgeAlarmSeconds", iteratorAgeAlarmSeconds, 60, 604_800);
        require(costAnomalyStdDevs > 0, "costAnomalyStdDevs", "a positive number",
                String.valueOf(costAnomalyStdDevs));
        alarmEmail.ifPresent(e -> require(EMAIL.matcher(e).matches(), "alarmEmail", "an e-mail address", e));
        range("workerCount", workerCount, 0, 100);
        require(List.of(256, 512, 1024, 2048, 4096).contains(workerCpu), "workerCpu",
                "a Fargate CPU value (256, 512, 1024, 2048, 4096)", String.valueOf(workerCpu));
        range("workerMemoryMb", workerMemoryMb, 512, 30_720);
    }

    /** The defaults, as documented in the README. */
    public static StackParameters defaults() {
        return fromContext(name -> null);
    }

    /**
     * @param context the CDK context lookup: a String for {@code -c}, or a JSON value from {@code cdk.json}
     */
    public static StackParameters fromContext(Function<String, Object> context) {
        Context c = new Context(context);
        boolean worker = c.bool("worker", false);
        return new StackParameters(
                c.string("environment", "dev"),
                c.string("modelId", DEFAULT_MODEL_ID),
                c.optionalString("bedrockRegion"),
                c.list("bedrockProfileRegions"),
                c.integer("batchSize", 25),
                c.integer("bedrockConcurrency", 4),
                c.integer("maxPostChars", 1000),
                c.choice("metricsSink", MetricsSink.class, MetricsSink.EMF),
                c.string("metricsNamespace", DEFAULT_NAMESPACE),
                c.choice("streamMode", StreamCapacity.class, StreamCapacity.ON_DEMAND),
                c.choice("streamKey", StreamKey.class, StreamKey.AWS_MANAGED) == StreamKey.CUSTOMER_MANAGED,
                c.integer("shardCount", 1),
                c.integer("streamRetentionHours", DEFAULT_STREAM_RETENTION_HOURS),
                Path.of(c.string("lambdaJar", defaultLambdaJar().toString())),
                c.integer("memoryMb", 1024),
                c.integer("timeoutSeconds", 60),
                c.optionalString("reservedConcurrency").map(v -> c.parseInt("reservedConcurrency", v)),
                c.bool("snapStart", false),
                c.integer("logRetentionDays", 30),
                c.choice("startingPosition", StartingPosition.class, StartingPosition.LATEST),
                c.integer("parallelizationFactor", 1),
                c.integer("maxRetryAttempts", 5),
                c.integer("maxRecordAgeSeconds", 6 * 3600),
                c.bool("mappingEnabled", !worker),
                c.decimal("monthlyBudgetUsd", 100),
                c.decimal("tokensPerPostThreshold", 100),
                c.integer("iteratorAgeAlarmSeconds", 600),
                c.decimal("costAnomalyStdDevs", 3),
                c.optionalString("alarmEmail"),
                c.bool("retainData", false),
                worker,
                c.integer("workerCount", 1),
                c.integer("workerCpu", 512),
                c.integer("workerMemoryMb", 1024),
                Path.of(c.string("workerImageContext", repositoryRoot().toString())));
    }

    /**
     * {@value #LAMBDA_JAR} under the repository root: the nearest directory, from the working directory up, that
     * holds {@code consumer/pom.xml}. {@code cdk} runs the app in {@code infrastructure/}, Maven's tests there too.
     */
    public static Path defaultLambdaJar() {
        return repositoryRoot().resolve(LAMBDA_JAR);
    }

    public static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("consumer/pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    /** Stack, function, stream and dashboard names all carry the environment. */
    public String stackName() {
        return "SentimentConsumer-" + environment;
    }

    public String functionName() {
        return "sentiment-consumer-" + environment;
    }

    /**
     * Hours a range in the failure queue is still readable at least: the mapping sends it when its oldest record is
     * {@code maxRecordAgeSeconds} old at the latest, and the stream trims it at {@code streamRetentionHours}.
     */
    public int redriveWindowHours() {
        return streamRetentionHours - (maxRecordAgeSeconds + 3599) / 3600;
    }

    /** The daily share of the monthly budget that the spend alarms compare against (a month of 30 days). */
    public double dailyBudgetUsd() {
        return monthlyBudgetUsd / 30;
    }

    private static void range(String name, int value, int min, int max) {
        require(value >= min && value <= max, name, "from " + min + " to " + max, String.valueOf(value));
    }

    private static void require(boolean ok, String name, String expected, String was) {
        if (!ok) {
            throw new IllegalArgumentException(
                    "context parameter " + name + " must be " + expected + "; was '" + was + "'");
        }
    }

    /** Typed reads of context values, which are strings from {@code -c} and JSON values from {@code cdk.json}. */
    private record Context(Function<String, Object> lookup) {

        Optional<String> optionalString(String name) {
            Object value = lookup.apply(name);
            return value == null || value.toString().isBlank()
                    ? Optional.empty() : Optional.of(value.toString().trim());
        }

        String string(String name, String defaultValue) {
            return optionalString(name).orElse(defaultValue);
        }

        List<String> list(String name) {
            List<String> out = new ArrayList<>();
            optionalString(name).ifPresent(v -> Arrays.stream(v.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add));
            return List.copyOf(out);
        }

        int integer(String name, int defaultValue) {
            return optionalString(name).map(v -> parseInt(name, v)).orElse(defaultValue);
        }

        int parseInt(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "context parameter " + name + " must be an integer; was '" + value + "'", e);
            }
        }

        double decimal(String name, double defaultValue) {
            return optionalString(name).map(v -> {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "context parameter " + name + " must be a number; was '" + v + "'", e);
                }
            }).orElse(defaultValue);
        }

        boolean bool(String name, boolean defaultValue) {
            return optionalString(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(
                        "context parameter " + name + " must be true or false; was '" + v + "'");
            }).orElse(defaultValue);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
            return optionalString(name).map(v -> {
                String constant = v.toUpperCase(Locale.ROOT).replace('-', '_');
                for (E e : type.getEnumConstants()) {
                    if (e.name().equals(constant)) {
                        return e;
                    }
                }
                List<String> allowed = Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
                throw new IllegalArgumentException("context parameter " + name + " must be one of "
                        + String.join(", ", allowed) + "; was '" + v + "'");
            }).orElse(defaultValue);
        }
    }
}
