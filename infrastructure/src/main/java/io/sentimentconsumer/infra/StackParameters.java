package io.sentimentconsumer.infra;

import static java.util.Map.entry;

import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.events.Setting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every deploy-time parameter of the app, read from CDK context ({@code -c name=value} or {@code cdk.json}), with
 * the defaults the README documents ({@link #DEFAULTS}), grouped by what they configure. Each group checks its own
 * values; bad values stop the synth with a message naming the parameter.
 *
 * @param environment      {@code environment}: the {@code Environment} dimension, and part of every name
 * @param consumer         the consumer's settings, the same for the function and the worker
 * @param stream           the Kinesis stream
 * @param function         the consumer function
 * @param mapping          the function's event source mapping
 * @param alarms           the alarms' thresholds, and who gets them
 * @param worker           the KCL worker on Fargate
 * @param results          the results bucket, its catalog and its saved queries
 * @param logRetentionDays {@code logRetentionDays}: the function's and the worker's log groups
 * @param retainData       {@code retainData}: keep the stream, queue, log groups, keys, lease table and results
 *                         bucket on destroy
 */
public record StackParameters(
        String environment,
        Consumer consumer,
        Stream stream,
        Function function,
        Mapping mapping,
        Alarms alarms,
        Worker worker,
        Results results,
        int logRetentionDays,
        boolean retainData) {

    public static final String LAMBDA_JAR = "consumer/target/sentiment-consumer-lambda.jar";

    /**
     * Every parameter that has a default, as {@code cdk.json}'s context would give it. Not here: those that default
     * to nothing ({@code bedrockRegion}, {@code bedrockProfileRegions}, {@code reservedConcurrency},
     * {@code alarmEmail}), and {@code mappingEnabled}, which defaults to the opposite of {@code worker}.
     */
    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // The consumer's own defaults, written once in the events module.
            entry("environment", Setting.ENVIRONMENT.defaultValue()),
            entry("modelId", Setting.BEDROCK_MODEL_ID.defaultValue()),
            entry("batchSize", Setting.BATCH_SIZE.defaultInt()),
            entry("bedrockConcurrency", Setting.BEDROCK_CONCURRENCY.defaultInt()),
            entry("maxPostChars", Setting.MAX_POST_CHARS.defaultInt()),
            entry("metricsNamespace", Setting.METRICS_NAMESPACE.defaultValue()),
            entry("serviceTier", Setting.BEDROCK_SERVICE_TIER.defaultValue()),
            entry("streamMode", "on-demand"),
            entry("streamKey", "aws-managed"),
            entry("shardCount", 1),
            // Seven days, the end of Kinesis's extended retention: a range the mapping gives up on (at
            // maxRecordAgeSeconds at the latest) stays readable for redriveWindowHours() more, so a failure on a Friday
            // evening can still be redriven on Monday. 24 hours left 18, less than a night and a day. Retention cannot
            // be raised after the fact: records older than the old retention stay gone.
            entry("streamRetentionHours", 168),
            entry("lambdaJar", repositoryRoot().resolve(LAMBDA_JAR).toString()),
            entry("metricsSink", Setting.METRICS_SINK.defaultValue()),
            entry("memoryMb", 1024),
            entry("timeoutSeconds", 60),
            entry("snapStart", false),
            entry("startingPosition", "latest"),
            entry("parallelizationFactor", 1),
            entry("maxRetryAttempts", 5),
            entry("maxRecordAgeSeconds", 6 * 3600),
            entry("monthlyBudgetUsd", 100),
            entry("tokensPerPostThreshold", 100),
            entry("iteratorAgeAlarmSeconds", 600),
            entry("costAnomalyStdDevs", 3),
            entry("tokenReconciliationPercent", 2),
            entry("worker", false),
            entry("workerCount", 1),
            entry("workerCpu", 512),
            entry("workerMemoryMb", 1024),
            entry("workerImageContext", repositoryRoot().toString()),
            // A deployed consumer keeps its results unless told not to; the consumer alone keeps none by default.
            entry("resultsSink", ResultsSink.S3.id()),
            // A year and a month: a whole year can be compared with the one before it.
            entry("resultsRetentionDays", 400),
            entry("resultsScanLimitMb", 1000),
            entry("resultsIncludeText", Setting.RESULTS_INCLUDE_TEXT.defaultValue()),
            entry("logRetentionDays", 30),
            entry("retainData", false));

    /** The values CloudWatch Logs accepts for a retention in days. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9.:-]{2,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The sinks a deployed function may use: the dashboard and the alarms read its metrics. */
    public static final List<MetricsSink> FUNCTION_SINKS = List.of(MetricsSink.EMF, MetricsSink.CLOUDWATCH);

    public enum StreamCapacity { ON_DEMAND, PROVISIONED }

    public enum StartingPosition { LATEST, TRIM_HORIZON }

    /** {@code aws-managed}: the {@code aws/kinesis} KMS key; {@code customer-managed}: the stack's own key. */
    public enum StreamKey { AWS_MANAGED, CUSTOMER_MANAGED }

    public StackParameters {
        require(NAME.matcher(environment).matches(), "environment",
                "lowercase letters, digits and hyphens, at most 31 characters", environment);
        require(LOG_RETENTION_DAYS.contains(logRetentionDays), "logRetentionDays",
                "one of CloudWatch Logs' retention values " + LOG_RETENTION_DAYS, String.valueOf(logRetentionDays));
        require(mapping.maxRecordAgeSeconds() < stream.retentionHours() * 3600, "maxRecordAgeSeconds",
                "less than the stream's retention, so records the DLQ points at can still be read",
                String.valueOf(mapping.maxRecordAgeSeconds()));
    }

    /**
     * The consumer's settings (README, "Configuration"), the same for the function and the worker.
     *
     * @param modelId            {@code modelId}: {@code BEDROCK_MODEL_ID}; a foundation model or a cross-region
     *                           profile
     * @param bedrockRegion      {@code bedrockRegion}: {@code BEDROCK_REGION}; empty means the stack's region
     * @param profileRegions     {@code bedrockProfileRegions}: the regions a cross-region profile routes to; empty
     *                           means the defaults of {@link BedrockModelAccess} for the profile's prefix
     * @param batchSize          {@code batchSize}: {@code BATCH_SIZE}
     * @param bedrockConcurrency {@code bedrockConcurrency}: {@code BEDROCK_CONCURRENCY}
     * @param maxPostChars       {@code maxPostChars}: {@code MAX_POST_CHARS}
     * @param metricsNamespace   {@code metricsNamespace}: {@code METRICS_NAMESPACE}; the dashboard and alarms read it
     * @param serviceTier        {@code serviceTier}: {@code BEDROCK_SERVICE_TIER}, the tier each request asks for
     */
    public record Consumer(String modelId, Optional<String> bedrockRegion, List<String> profileRegions,
                           int batchSize, int bedrockConcurrency, int maxPostChars, String metricsNamespace,
                           String serviceTier) {

        /** The tiers a request can ask for; reserved capacity is bought, not asked for per request. */
        static final List<String> SERVICE_TIERS = List.of("default", "flex", "priority");

        public Consumer {
            require(MODEL_ID.matcher(modelId).matches(), "modelId", "a Bedrock model or inference profile id",
                    modelId);
            bedrockRegion.ifPresent(r -> require(REGION.matcher(r).matches(), "bedrockRegion", "a region name", r));
            profileRegions.forEach(r -> require(REGION.matcher(r).matches(), "bedrockProfileRegions",
                    "comma-separated region names", r));
            range("batchSize", batchSize, Setting.BATCH_SIZE.range());
            range("bedrockConcurrency", bedrockConcurrency, Setting.BEDROCK_CONCURRENCY.range());
            range("maxPostChars", maxPostChars, Setting.MAX_POST_CHARS.range());
            require(!metricsNamespace.isBlank() && !metricsNamespace.startsWith("AWS/"), "metricsNamespace",
                    "a custom namespace (not AWS/...)", metricsNamespace);
            require(SERVICE_TIERS.contains(serviceTier), "serviceTier", String.join(", ", SERVICE_TIERS),
                    serviceTier);
        }

        private static Consumer read(Context c) {
            return new Consumer(c.string("modelId"), c.optionalString("bedrockRegion"),
                    c.list("bedrockProfileRegions"), c.integer("batchSize"), c.integer("bedrockConcurrency"),
                    c.integer("maxPostChars"), c.string("metricsNamespace"), c.string("serviceTier"));
        }
    }

    /**
     * @param capacity           {@code streamMode}: on demand, or {@code shardCount} provisioned shards
     * @param customerManagedKey {@code streamKey}: {@code aws-managed} (KMS with the {@code aws/kinesis} key, no
     *                           per-request KMS cost for producers and consumers) or {@code customer-managed}
     * @param shardCount         {@code shardCount}: the shards of a provisioned stream
     * @param retentionHours     {@code streamRetentionHours}: how long records stay readable
     */
    public record Stream(StreamCapacity capacity, boolean customerManagedKey, int shardCount, int retentionHours) {

        public Stream {
            range("shardCount", shardCount, 1, 10_000);
            range("streamRetentionHours", retentionHours, 24, 8760);
        }

        private static Stream read(Context c) {
            return new Stream(c.choice("streamMode", StreamCapacity.class),
                    c.choice("streamKey", StreamKey.class) == StreamKey.CUSTOMER_MANAGED,
                    c.integer("shardCount"), c.integer("streamRetentionHours"));
        }
    }

    /**
     * @param lambdaJar           {@code lambdaJar}: the Lambda artifact
     * @param metricsSink         {@code metricsSink}: {@code METRICS_SINK} of the function (the worker's is always
     *                            {@code cloudwatch})
     * @param memoryMb            {@code memoryMb}
     * @param timeoutSeconds      {@code timeoutSeconds}
     * @param reservedConcurrency {@code reservedConcurrency}: empty for none
     * @param snapStart           {@code snapStart}: SnapStart on published versions, which the mapping then invokes
     */
    public record Function(Path lambdaJar, MetricsSink metricsSink, int memoryMb, int timeoutSeconds,
                           Optional<Integer> reservedConcurrency, boolean snapStart) {

        public Function {
            range("memoryMb", memoryMb, 512, 10_240);
            range("timeoutSeconds", timeoutSeconds, 10, 900);
            reservedConcurrency.ifPresent(c -> range("reservedConcurrency", c, 1, 1000));
        }

        private static Function read(Context c) {
            return new Function(Path.of(c.string("lambdaJar")), c.choice("metricsSink", FUNCTION_SINKS),
                    c.integer("memoryMb"), c.integer("timeoutSeconds"), c.optionalInteger("reservedConcurrency"),
                    c.bool("snapStart"));
        }
    }

    /**
     * The event source mapping. Its batches are fixed ({@value #BATCH_SIZE} records, {@value
     * #BATCHING_WINDOW_SECONDS} s window), because the consumer's defaults are sized for them.
     *
     * @param startingPosition      {@code startingPosition}
     * @param parallelizationFactor {@code parallelizationFactor}: concurrent batches per shard
     * @param maxRetryAttempts      {@code maxRetryAttempts}: after them, the batch's range goes to the failure queue
     * @param maxRecordAgeSeconds   {@code maxRecordAgeSeconds}: so does a batch whose oldest record is this old
     * @param enabled               {@code mappingEnabled}: whether the mapping polls; defaults to {@code !worker}, so
     *                              the Lambda and the worker never both score (and bill) each post
     */
    public record Mapping(StartingPosition startingPosition, int parallelizationFactor, int maxRetryAttempts,
                          int maxRecordAgeSeconds, boolean enabled) {

        /** Records per invocation: the event source mapping's batch, which the consumer's defaults are sized for. */
        public static final int BATCH_SIZE = 150;
        /** Seconds the mapping waits to fill a batch. */
        public static final int BATCHING_WINDOW_SECONDS = 5;

        public Mapping {
            range("parallelizationFactor", parallelizationFactor, 1, 10);
            range("maxRetryAttempts", maxRetryAttempts, 0, 10_000);
            range("maxRecordAgeSeconds", maxRecordAgeSeconds, 60, 604_800);
        }

        private static Mapping read(Context c, Worker worker) {
            return new Mapping(c.choice("startingPosition", StartingPosition.class),
                    c.integer("parallelizationFactor"), c.integer("maxRetryAttempts"),
                    c.integer("maxRecordAgeSeconds"), c.optionalBool("mappingEnabled").orElse(!worker.enabled()));
        }
    }

    /**
     * @param monthlyBudgetUsd       {@code monthlyBudgetUsd}: spend alarms at 80% and 95% of its daily share
     * @param tokensPerPostThreshold {@code tokensPerPostThreshold}: alarm on average tokens per post above it
     * @param iteratorAgeSeconds     {@code iteratorAgeAlarmSeconds}: alarm when the function is this far behind
     * @param costAnomalyStdDevs     {@code costAnomalyStdDevs}: width of the cost-spike alarm's anomaly band
     * @param email                  {@code alarmEmail}: empty for no subscription
     * @param tokenReconciliationPercent {@code tokenReconciliationPercent}: alarm when our daily input + output
     *                               tokens differ from Bedrock's own count by this percentage or more
     */
    public record Alarms(double monthlyBudgetUsd, double tokensPerPostThreshold, int iteratorAgeSeconds,
                         double costAnomalyStdDevs, Optional<String> email, double tokenReconciliationPercent) {

        public Alarms {
            require(monthlyBudgetUsd > 0, "monthlyBudgetUsd", "a positive amount", String.valueOf(monthlyBudgetUsd));
            require(tokensPerPostThreshold > 0, "tokensPerPostThreshold", "a positive number",
                    String.valueOf(tokensPerPostThreshold));
            range("iteratorAgeAlarmSeconds", iteratorAgeSeconds, 60, 604_800);
            require(costAnomalyStdDevs > 0, "costAnomalyStdDevs", "a positive number",
                    String.valueOf(costAnomalyStdDevs));
            email.ifPresent(e -> require(EMAIL.matcher(e).matches(), "alarmEmail", "an e-mail address", e));
            require(tokenReconciliationPercent > 0 && tokenReconciliationPercent <= 100,
                    "tokenReconciliationPercent", "a percentage above 0, at most 100",
                    String.valueOf(tokenReconciliationPercent));
        }

        /** The daily share of the monthly budget that the spend alarms compare against (a month of 30 days). */
        public double dailyBudgetUsd() {
            return monthlyBudgetUsd / 30;
        }

        private static Alarms read(Context c) {
            return new Alarms(c.decimal("monthlyBudgetUsd"), c.decimal("tokensPerPostThreshold"),
                    c.integer("iteratorAgeAlarmSeconds"), c.decimal("costAnomalyStdDevs"),
                    c.optionalString("alarmEmail"), c.decimal("tokenReconciliationPercent"));
        }
    }

    /**
     * @param enabled      {@code worker}: run the KCL worker as an ECS Fargate service
     * @param count        {@code workerCount}: its tasks
     * @param cpu          {@code workerCpu}: a Fargate CPU value
     * @param memoryMb     {@code workerMemoryMb}
     * @param imageContext {@code workerImageContext}: the worker image's build context, the repository root; it must
     *                     hold {@link KclWorker#DOCKERFILE} and {@link KclWorker#WORKER_JAR}
     */
    public record Worker(boolean enabled, int count, int cpu, int memoryMb, Path imageContext) {

        public Worker {
            range("workerCount", count, 0, 100);
            require(List.of(256, 512, 1024, 2048, 4096).contains(cpu), "workerCpu",
                    "a Fargate CPU value (256, 512, 1024, 2048, 4096)", String.valueOf(cpu));
            range("workerMemoryMb", memoryMb, 512, 30_720);
        }

        private static Worker read(Context c) {
            return new Worker(c.bool("worker"), c.integer("workerCount"), c.integer("workerCpu"),
                    c.integer("workerMemoryMb"), Path.of(c.string("workerImageContext")));
        }
    }

    /**
     * @param sink          {@code resultsSink}: {@code s3} for the bucket, the Glue tables and the Athena workgroup,
     *                      and {@code RESULTS_SINK=s3} for the runtimes; {@code none} for none of it
     * @param retentionDays {@code resultsRetentionDays}: objects expire this many days after they are written
     * @param scanLimitMb   {@code resultsScanLimitMb}: the workgroup cancels a query that scans more (10^6 bytes)
     * @param includeText   {@code resultsIncludeText}: {@code RESULTS_INCLUDE_TEXT}, whether posts rows carry the
     *                      post's text
     */
    public record Results(ResultsSink sink, int retentionDays, int scanLimitMb, boolean includeText) {

        /** Athena's smallest per-query cutoff is 10,000,000 bytes. */
        static final int MIN_SCAN_LIMIT_MB = 10;

        public Results {
            range("resultsRetentionDays", retentionDays, 1, 3650);
            range("resultsScanLimitMb", scanLimitMb, MIN_SCAN_LIMIT_MB, 10_000_000);
        }

        public boolean enabled() {
            return sink == ResultsSink.S3;
        }

        /** The workgroup's per-query cutoff in bytes. */
        public long scanLimitBytes() {
            return scanLimitMb * 1_000_000L;
        }

        private static Results read(Context c) {
            return new Results(c.choice("resultsSink", ResultsSink.class), c.integer("resultsRetentionDays"),
                    c.integer("resultsScanLimitMb"), c.bool("resultsIncludeText"));
        }
    }

    /** The defaults, as documented in the README. */
    public static StackParameters defaults() {
        return fromContext(name -> null);
    }

    /**
     * @param context the CDK context lookup: a String for {@code -c}, or a JSON value from {@code cdk.json}
     */
    public static StackParameters fromContext(java.util.function.Function<String, Object> context) {
        Context c = new Context(context);
        Worker worker = Worker.read(c);
        return new StackParameters(c.string("environment"), Consumer.read(c), Stream.read(c), Function.read(c),
                Mapping.read(c, worker), Alarms.read(c), worker, Results.read(c), c.integer("logRetentionDays"),
                c.bool("retainData"));
    }

    /**
     * The nearest directory, from the working directory up, that holds {@code consumer/pom.xml}: {@code cdk} runs
     * the app in {@code infrastructure/}, Maven's tests there too. {@value #LAMBDA_JAR} is under it.
     */
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
        return stream.retentionHours() - (mapping.maxRecordAgeSeconds() + 3599) / 3600;
    }

    private static void range(String name, int value, Setting.Range allowed) {
        range(name, value, allowed.min(), allowed.max());
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

    /**
     * Typed reads of context values, which are strings from {@code -c} and JSON values from {@code cdk.json}. A
     * parameter that is missing or blank takes its value from {@link #DEFAULTS}.
     */
    private record Context(java.util.function.Function<String, Object> lookup) {

        Optional<String> optionalString(String name) {
            return text(lookup.apply(name)).or(() -> text(DEFAULTS.get(name)));
        }

        String string(String name) {
            return optionalString(name).orElseThrow(
                    () -> new IllegalStateException("context parameter " + name + " has no default"));
        }

        List<String> list(String name) {
            List<String> out = new ArrayList<>();
            optionalString(name).ifPresent(v -> Arrays.stream(v.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add));
            return List.copyOf(out);
        }

        int integer(String name) {
            return parseInt(name, string(name));
        }

        Optional<Integer> optionalInteger(String name) {
            return optionalString(name).map(v -> parseInt(name, v));
        }

        double decimal(String name) {
            String v = string(name);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "context parameter " + name + " must be a number; was '" + v + "'", e);
            }
        }

        boolean bool(String name) {
            return parseBool(name, string(name));
        }

        Optional<Boolean> optionalBool(String name) {
            return optionalString(name).map(v -> parseBool(name, v));
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            return choice(name, List.of(type.getEnumConstants()));
        }

        <E extends Enum<E>> E choice(String name, List<E> allowed) {
            String v = string(name);
            String constant = v.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : allowed) {
                if (e.name().equals(constant)) {
                    return e;
                }
            }
            List<String> spelled = allowed.stream().map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList();
            throw new IllegalArgumentException("context parameter " + name + " must be one of "
                    + String.join(", ", spelled) + "; was '" + v + "'");
        }

        private static Optional<String> text(Object value) {
            return value == null || value.toString().isBlank()
                    ? Optional.empty() : Optional.of(value.toString().trim());
        }

        private static int parseInt(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "context parameter " + name + " must be an integer; was '" + value + "'", e);
            }
        }

        private static boolean parseBool(String name, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(
                        "context parameter " + name + " must be true or false; was '" + value + "'");
            };
        }
    }
}
