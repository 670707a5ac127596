package io.sentimentconsumer.cli;

import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.reconcile.HourRange;
import io.sentimentconsumer.reconcile.HourRow;
import io.sentimentconsumer.reconcile.HourlyTokenReader;
import io.sentimentconsumer.reconcile.MetricsUnreadable;
import io.sentimentconsumer.reconcile.ReconcileQuery;
import io.sentimentconsumer.reconcile.Reconciliation;
import io.sentimentconsumer.reconcile.Target;
import io.sentimentconsumer.reconcile.Tolerance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Sets our hourly token counts beside Bedrock's for the same calls, from CloudWatch, and says where they part. The
 * operator's counterpart of the stack's daily reconciliation alarm (docs/observability.md, "reconcile").
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {
            "Reads our InputTokens, OutputTokens and AbandonedAttempts (Environment + ModelId) and Bedrock's "
                    + "InputTokenCount and OutputTokenCount (AWS/Bedrock, ModelId = the inference profile's id) as "
                    + "hourly sums in one GetMetricData request, and prints per model and hour both counts, the "
                    + "difference (tokens, and percent of Bedrock's) and the abandoned attempts that may explain "
                    + "it, then each model's total.",
            "Hours are UTC and whole: every hour from the one --since is in to the last one that starts before "
                    + "--until. By default the current hour is left out, since both sides publish with a delay.",
            "Exit codes: 0 every hour within the tolerance; 1 some hour over it; 2 no comparison made (a usage "
                    + "or configuration error, or CloudWatch could not be read).",
            "Needs cloudwatch:GetMetricData. Endpoint: the SDK's AWS_ENDPOINT_URL_CLOUDWATCH."})
final class ReconcileCommand implements Callable<Integer> {

    @Option(names = "--since", required = true, paramLabel = "WHEN",
            description = "from: an age (24h, 7d, 90m), an instant (2026-12-01T06:00:00Z) or a day (2026-12-01)")
    String since;

    @Option(names = "--until", paramLabel = "WHEN",
            description = "to: the last hour is the one that starts before it; now (takes in the current, incomplete "
                    + "hour), an age, an instant or a day "
                    + "(default: the start of the current hour)")
    String until;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "1%",
            description = "how far ours may be from Bedrock's count, in percent of it (default: ${DEFAULT-VALUE})")
    String tolerance;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<ModelAndProfile> models;

    @Option(names = "--environment", paramLabel = "ENV",
            description = "our metrics' Environment dimension (default: ENVIRONMENT, else dev)")
    String environment;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "our metrics' namespace (default: METRICS_NAMESPACE, else SentimentAnalysis/Bedrock)")
    String namespace;

    @Option(names = "--region", paramLabel = "REGION",
            description = "the Region of both sides' metrics, the stack's (default: the SDK's, AWS_REGION)")
    String region;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE})")
    ReconcileOutput.Format format;

    /** A model and the profile its calls went through; repeat the pair to reconcile several models. */
    static final class ModelAndProfile {
        @Option(names = "--model", paramLabel = "ID",
                description = "our metrics' ModelId, the configured model (default: BEDROCK_MODEL_ID, else "
                        + "amazon.nova-micro-v1:0)")
        String model;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Profile profile;
    }

    /** The profile Bedrock lists the calls under, by id or by ARN. */
    static final class Profile {
        @Option(names = "--profile-id", paramLabel = "ID",
                description = "the application inference profile's id (default: the last part of "
                        + "BEDROCK_INFERENCE_PROFILE_ARN)")
        String id;

        @Option(names = "--profile-arn", paramLabel = "ARN", description = "the profile's ARN")
        String arn;

        String profileId() {
            return id != null ? id : Target.profileIdOf(arn);
        }
    }

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Instant now = clock.instant();
        Reconciliation reconciliation;
        try {
            ReconcileQuery query = query(now);
            Tolerance limit = Tolerance.parse(tolerance);
            reconciliation = new Reconciliation(query, limit, read(query));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (SdkException | MetricsUnreadable e) {
            spec.commandLine().getErr().println("reconcile: cannot read the metrics from CloudWatch"
                    + (region == null ? "" : " in " + region) + ": " + e.getMessage().replaceAll("\\.+$", "")
                    + ". It needs credentials "
                    + "allowed cloudwatch:GetMetricData, in the stack's Region (--region, else AWS_REGION); no "
                    + "comparison was made.");
            return 2;
        }
        new ReconcileOutput(reconciliation, now).print(format, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return reconciliation.withinTolerance() ? 0 : 1;
    }

    private List<HourRow> read(ReconcileQuery query) {
        try (CloudWatchClient cloudWatch = AwsClients.cloudWatchReader(region)) {
            return new HourlyTokenReader(cloudWatch).read(query);
        }
    }

    ReconcileQuery query(Instant now) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder().variables(env);
        Optional.ofNullable(environment).ifPresent(builder::environment);
        Optional.ofNullable(namespace).ifPresent(builder::metricsNamespace);
        ConsumerConfig config = builder.build();
        Instant from = PointInTime.parse("--since", since, now);
        Instant to = until == null ? HourRange.floor(now) : PointInTime.parse("--until", until, now);
        return new ReconcileQuery(config.metricsNamespace(), config.environment(), targets(config),
                HourRange.overlapping(from, to));
    }

    /**
     * The models and profiles given; a single model may leave either to the configuration, several must each name
     * both, since the configuration has one of each.
     */
    private List<Target> targets(ConsumerConfig config) {
        if (models == null || models.isEmpty()) {
            return List.of(new Target(config.modelIdOrDefault(), configuredProfile(config, config.modelIdOrDefault())));
        }
        if (models.size() == 1) {
            ModelAndProfile only = models.get(0);
            String model = only.model != null ? only.model : config.modelIdOrDefault();
            return List.of(new Target(model, only.profile != null ? only.profile.profileId()
                    : configuredProfile(config, model)));
        }
        List<Target> targets = new ArrayList<>();
        for (ModelAndProfile pair : models) {
            if (pair.model == null || pair.profile == null) {
                throw new IllegalArgumentException("with several models, give each --model with its own "
                        + "--profile-id or --profile-arn; " + (pair.model == null ? "a profile has no --model"
                        : "--model " + pair.model + " has no profile"));
            }
            targets.add(new Target(pair.model, pair.profile.profileId()));
        }
        return targets;
    }

    private static String configuredProfile(ConsumerConfig config, String model) {
        if (config.inferenceProfileArn() == null) {
            throw new IllegalArgumentException("no inference profile to find Bedrock's count of " + model + " by: "
                    + "give --profile-id ID or --profile-arn ARN (the stack's application inference profile), or "
                    + "set BEDROCK_INFERENCE_PROFILE_ARN");
        }
        return Target.profileIdOf(config.inferenceProfileArn());
    }
}
