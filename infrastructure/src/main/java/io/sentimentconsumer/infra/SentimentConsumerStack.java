package io.sentimentconsumer.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.Setting;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The whole deployment: the stream, the consumer function and its event source mapping, least-privilege IAM, the
 * cost dashboard, alarms and saved queries, the results bucket with its Glue tables and Athena workgroup (unless
 * {@code resultsSink=none}), and optionally the KCL worker on Fargate.
 */
public final class SentimentConsumerStack extends Stack {

    public static final String HANDLER = "io.sentimentconsumer.lambda.KinesisSentimentHandler::handleRequest";
    public static final String ALIAS = "live";

    public SentimentConsumerStack(Construct scope, String id, StackProps props, StackParameters parameters) {
        super(scope, id, props);
        RemovalPolicy removal = parameters.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        Key dataKey = customerKey(this, "DataKey", "Encrypts the failure queue, the alarm topic and, if so chosen, "
                + "the posts stream (" + parameters.stackName() + ")", removal);

        StackParameters.Stream posts = parameters.stream();
        Stream stream = Stream.Builder.create(this, "Posts")
                .streamName("sentiment-posts-" + parameters.environment())
                .streamMode(posts.capacity() == StackParameters.StreamCapacity.ON_DEMAND
                        ? StreamMode.ON_DEMAND : StreamMode.PROVISIONED)
                .shardCount(posts.capacity() == StackParameters.StreamCapacity.PROVISIONED ? posts.shardCount() : null)
                .encryption(posts.customerManagedKey() ? StreamEncryption.KMS : StreamEncryption.MANAGED)
                .encryptionKey(posts.customerManagedKey() ? dataKey : null)
                .retentionPeriod(Duration.hours(posts.retentionHours()))
                .removalPolicy(removal)
                .build();
        if (posts.customerManagedKey()) {
            NagSuppressions.addResourceSuppressions(stream, List.of(suppression("AwsSolutions-KDS3",
                    "Chosen with -c streamKey=customer-managed: the key policy decides who may read the posts, at "
                            + "the price of KMS requests from every producer and consumer.")));
        }

        Queue failures = Queue.Builder.create(this, "MappingFailures")
                .queueName("sentiment-consumer-failures-" + parameters.environment())
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(dataKey)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .removalPolicy(removal)
                .build();
        NagSuppressions.addResourceSuppressions(failures, List.of(suppression("AwsSolutions-SQS3",
                "This queue is the dead-letter destination itself: the event source mapping's on-failure "
                        + "destination. A DLQ of the DLQ would only move the same batch descriptions again.")));

        LogGroup logGroup = LogGroup.Builder.create(this, "FunctionLogs")
                .logGroupName("/aws/lambda/" + parameters.functionName())
                .removalPolicy(removal)
                .build();
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(parameters.logRetentionDays());

        // The function and the worker invoke the model through it, so that Bedrock counts their calls apart.
        Optional<ApplicationProfile> profile = ApplicationProfile.of(this, parameters, bedrockAccess(parameters));
        // Where both runtimes keep each post's result and each call's cost, and Athena reads them.
        Optional<ResultsBucket> results = parameters.results().enabled()
                ? Optional.of(new ResultsBucket(this, "Results", parameters, removal)) : Optional.empty();
        Function function = consumerFunction(parameters, logGroup, profile, results);
        IFunction target = function;
        if (parameters.function().snapStart()) {
            // SnapStart snapshots published versions only; the mapping must invoke one, through the alias.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "The stack publishes the version and the mapping invokes it through the alias");
            target = Alias.Builder.create(this, "LiveAlias")
                    .aliasName(ALIAS)
                    .version(function.getCurrentVersion())
                    .build();
        }
        StackParameters.Mapping mapping = parameters.mapping();
        target.addEventSource(KinesisEventSource.Builder.create(stream)
                .batchSize(StackParameters.Mapping.BATCH_SIZE)
                .maxBatchingWindow(Duration.seconds(StackParameters.Mapping.BATCHING_WINDOW_SECONDS))
                .startingPosition(mapping.startingPosition() == StackParameters.StartingPosition.LATEST
                        ? StartingPosition.LATEST : StartingPosition.TRIM_HORIZON)
                .reportBatchItemFailures(true)
                .bisectBatchOnError(true)
                .retryAttempts(mapping.maxRetryAttempts())
                .maxRecordAge(Duration.seconds(mapping.maxRecordAgeSeconds()))
                .parallelizationFactor(mapping.parallelizationFactor())
                .onFailure(new SqsDlq(failures))
                .enabled(mapping.enabled())
                .build());

        List<LogGroup> queryLogGroups = List.of(logGroup);
        if (parameters.worker().enabled()) {
            KclWorker worker = new KclWorker(this, "Worker", parameters, profile, results, stream, dataKey,
                    removal);
            queryLogGroups = List.of(logGroup, worker.logGroup());
        }

        // What it costs: the dashboard, the alarms and the saved queries share the scope "Observability". "Default"
        // (the alarms) and the dashboard's own "Default" add nothing to logical ids, so the dashboard, the topic and
        // the named alarms keep the ids they were first deployed with: under new ids CloudFormation would replace
        // them, and deleting the old ones would delete the dashboard and alarms of those same names.
        Construct observability = new Construct(this, "Observability");
        ConsumerMetrics consumerMetrics = new ConsumerMetrics(parameters.consumer().metricsNamespace(),
                parameters.environment(), parameters.consumer().modelId());
        FunctionMetrics functionMetrics = new FunctionMetrics(function, failures);
        Optional<TokenReconciliation> reconciliation =
                profile.map(pr -> new TokenReconciliation(consumerMetrics, pr.metricModelId()));
        CostDashboard dashboard = new CostDashboard(observability, "Dashboard", parameters, consumerMetrics,
                functionMetrics, reconciliation);
        CostAlarms alarms = new CostAlarms(observability, "Default", parameters, consumerMetrics, functionMetrics,
                reconciliation, dataKey);
        new SavedQueries(observability, "Queries", parameters.stackName(), queryLogGroups);
        results.ifPresent(r -> resultsCatalogAndQueries(parameters, r));

        output("StreamName", stream.getStreamName(), "The Kinesis stream to put posts on");
        output("StreamArn", stream.getStreamArn(), "Its ARN");
        output("DataKeyArn", dataKey.getKeyArn(), "The KMS key of the failure queue and the alarm topic (and of the "
                + "stream with streamKey=customer-managed: producers then need kms:GenerateDataKey on it)");
        output("FunctionName", function.getFunctionName(), "The consumer function");
        output("LogGroupName", logGroup.getLogGroupName(), "aws logs tail <this> --follow");
        output("FailureQueueUrl", failures.getQueueUrl(), "Batches the mapping gave up on (shard, sequence range)");
        output("DashboardName", dashboard.dashboardName(), "The cost dashboard in the CloudWatch console");
        output("AlarmTopicArn", alarms.topic().getTopicArn(), "Subscribe to receive the alarms");
        profile.ifPresent(pr -> output("InferenceProfileArn", pr.arn(), "The application inference profile the "
                + "consumer invokes through; Bedrock's own token counts are under ModelId = its id"));
    }

    /** The tables Athena reads the results through, the saved queries over them, and where to find both. */
    private void resultsCatalogAndQueries(StackParameters p, ResultsBucket results) {
        ResultsCatalog catalog = new ResultsCatalog(this, "ResultsCatalog", p, results);
        ResultsQueries queries = new ResultsQueries(this, "ResultsQueries", p, results, catalog);
        String datasets = Arrays.stream(Dataset.values()).map(d -> d.prefix() + "/").collect(Collectors.joining(", "));
        output("ResultsBucketName", results.bucket().getBucketName(), "The datasets, gzip JSON Lines under "
                + datasets + ", and Athena's query results under " + ResultsQueries.RESULTS_PREFIX + "/");
        output("ResultsWorkGroup", queries.workGroupName(), "The Athena workgroup of the saved dataset queries");
        output("ResultsDatabase", catalog.databaseName(), "The Glue database of the posts and calls tables");
    }

    private Function consumerFunction(StackParameters p, LogGroup logGroup, Optional<ApplicationProfile> profile,
                                      Optional<ResultsBucket> results) {
        StackParameters.Function settings = p.function();
        if (!Files.isRegularFile(settings.lambdaJar())) {
            throw new IllegalStateException("The Lambda artifact " + settings.lambdaJar() + " does not exist: run "
                    + "`mvn -B -DskipTests package` in the repository root first, or pass -c lambdaJar=PATH");
        }
        Role role = Role.Builder.create(this, "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Consumer function: read the stream, invoke the configured model, write its logs")
                .build();
        // Its own log group only (no AWSLambdaBasicExecutionRole, which allows every log group).
        logGroup.grantWrite(role);
        NagSuppressions.addResourceSuppressions(role, List.of(kmsActionFamiliesSuppression()), true);
        for (PolicyStatement statement : bedrockAccess(p).statements(profile.map(ApplicationProfile::arn))) {
            role.addToPrincipalPolicy(statement);
        }
        if (bedrockAccess(p).isGlobalProfile()) {
            NagSuppressions.addResourceSuppressions(role, List.of(globalProfileSuppression()), true);
        }
        if (settings.metricsSink() == MetricsSink.CLOUDWATCH) {
            role.addToPrincipalPolicy(putMetricData(List.of(p.consumer().metricsNamespace())));
            NagSuppressions.addResourceSuppressions(role, List.of(putMetricDataSuppression()), true);
        }
        results.ifPresent(r -> r.grantWrite(role));

        Map<String, String> env = consumerEnvironment(p, settings.metricsSink(), profile, results);

        Function fn = Function.Builder.create(this, "Function")
                .functionName(p.functionName())
                .description("Kinesis posts -> batched Bedrock sentiment, with per-call token accounting")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(settings.lambdaJar().toAbsolutePath().toString()))
                .handler(HANDLER)
                .memorySize(settings.memoryMb())
                .timeout(Duration.seconds(settings.timeoutSeconds()))
                .environment(env)
                .logGroup(logGroup)
                .role(role)
                .reservedConcurrentExecutions(settings.reservedConcurrency().orElse(null))
                .snapStart(settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .build();
        NagSuppressions.addResourceSuppressions(fn, List.of(suppression("AwsSolutions-L1",
                "Java 21 is the runtime the consumer is built and tested for (issue #5), and the one its "
                        + "SnapStart configuration was chosen for; move to a newer Java runtime together with the "
                        + "consumer's build.")));
        return fn;
    }

    /**
     * The consumer's settings (README, "Configuration") as environment variables, with the runtime's sink. The
     * model id stays the configured one (the {@code ModelId} dimension and the price key) beside the profile's ARN.
     * The results settings are there only with a results bucket: without them the consumer keeps no results.
     */
    static Map<String, String> consumerEnvironment(StackParameters p, MetricsSink sink,
                                                   Optional<ApplicationProfile> profile,
                                                   Optional<ResultsBucket> results) {
        StackParameters.Consumer consumer = p.consumer();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.BEDROCK_MODEL_ID.variable(), consumer.modelId());
        profile.ifPresent(pr -> env.put(Setting.BEDROCK_INFERENCE_PROFILE_ARN.variable(), pr.arn()));
        consumer.bedrockRegion().ifPresent(r -> env.put(Setting.BEDROCK_REGION.variable(), r));
        env.put(Setting.BATCH_SIZE.variable(), String.valueOf(consumer.batchSize()));
        env.put(Setting.BEDROCK_CONCURRENCY.variable(), String.valueOf(consumer.bedrockConcurrency()));
        env.put(Setting.MAX_POST_CHARS.variable(), String.valueOf(consumer.maxPostChars()));
        env.put(Setting.METRICS_NAMESPACE.variable(), consumer.metricsNamespace());
        env.put(Setting.BEDROCK_SERVICE_TIER.variable(), consumer.serviceTier());
        env.put(Setting.ENVIRONMENT.variable(), p.environment());
        env.put(Setting.METRICS_SINK.variable(), sink.id());
        results.ifPresent(r -> {
            env.put(Setting.RESULTS_SINK.variable(), p.results().sink().id());
            env.put(Setting.RESULTS_BUCKET.variable(), r.bucket().getBucketName());
            env.put(Setting.RESULTS_INCLUDE_TEXT.variable(), String.valueOf(p.results().includeText()));
        });
        return env;
    }

    static BedrockModelAccess bedrockAccess(StackParameters p) {
        StackParameters.Consumer consumer = p.consumer();
        return new BedrockModelAccess(consumer.modelId(), consumer.bedrockRegion().orElse(Aws.REGION),
                consumer.profileRegions());
    }

    /** PutMetricData takes no resource; the namespace condition is what keeps it to our metrics. */
    static PolicyStatement putMetricData(List<String> namespaces) {
        return PolicyStatement.Builder.create()
                .sid("PutMetricsInOwnNamespace")
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", namespaces)))
                .build();
    }

    static NagPackSuppression putMetricDataSuppression() {
        return suppression("AwsSolutions-IAM5", "cloudwatch:PutMetricData supports no resource-level permissions, "
                + "so its resource must be *; a cloudwatch:namespace condition limits it to the consumer's namespace.",
                "^Resource::\\*$");
    }

    /** CDK's grants on a KMS-encrypted stream or queue name the key's action families with a wildcard. */
    static NagPackSuppression kmsActionFamiliesSuppression() {
        return suppression("AwsSolutions-IAM5", "The CDK grants for reading the stream and sending to the failure "
                + "queue allow the data key's action families kms:GenerateDataKey* and kms:ReEncrypt* (the "
                + "GenerateDataKey and ReEncrypt variants) on that one key ARN, no other key.",
                "^Action::kms:(GenerateDataKey|ReEncrypt)\\*$");
    }

    static NagPackSuppression globalProfileSuppression() {
        return suppression("AwsSolutions-IAM5", "A global inference profile routes to any commercial region, so "
                + "the foundation-model ARN has a region wildcard; the statement is usable only through the "
                + "configured profile (bedrock:InferenceProfileArn condition).",
                "^Resource::arn:<AWS::Partition>:bedrock:\\*::foundation-model/.*$");
    }

    /** A customer managed key of the stack's: rotated yearly, and deleted a week after the stack lets it go. */
    static Key customerKey(Construct scope, String id, String description, RemovalPolicy removal) {
        return Key.Builder.create(scope, id)
                .description(description)
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(removal)
                .build();
    }

    static NagPackSuppression suppression(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    /** A suppression limited to the findings (e.g. one wildcard resource) that match {@code findingRegex}. */
    static NagPackSuppression suppression(String id, String reason, String findingRegex) {
        return NagPackSuppression.builder().id(id).reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/" + findingRegex + "/").build()))
                .build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
