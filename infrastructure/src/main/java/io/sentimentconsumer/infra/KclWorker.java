package io.sentimentconsumer.infra;

import io.sentimentconsumer.events.MetricsSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.constructs.Construct;

/**
 * The KCL worker of #4 as an ECS Fargate service ({@code -c worker=true}): its image, its lease table and its IAM.
 *
 * <p>The image is built from {@value #DOCKERFILE} with the repository root as build context, of which only the
 * Dockerfile and the CLI jar ({@value #WORKER_JAR}) are sent ({@code exclude}). Synth only stages those two
 * files into the cloud assembly; Docker builds the image at deploy time, so synth needs no Docker.
 */
public final class KclWorker extends Construct {

    public static final String DOCKERFILE = "infrastructure/worker/Dockerfile";
    public static final String WORKER_JAR = "consumer/target/sentiment-consumer.jar";
    /**
     * The tables KCL 3.0–3.4 kept beside the lease table. KCL 3.5 keeps that state in the lease table and only
     * looks these up (DescribeTable), to migrate from them if they exist.
     */
    private static final List<String> LEGACY_KCL_TABLE_SUFFIXES = List.of("-WorkerMetricStats", "-CoordinatorState");
    /** The lease table's index by owner, which KCL 3 queries and would otherwise add itself (UpdateTable). */
    private static final String LEASE_OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

    private final LogGroup logGroup;

    /**
     * @param profile the application inference profile the worker invokes the model through, if the stack made one
     * @param results the bucket the worker keeps its results in, if the stack made one
     */
    public KclWorker(Construct scope, String id, StackParameters p, Optional<ApplicationProfile> profile,
                     Optional<ResultsBucket> results, Stream stream, Key key, RemovalPolicy removal) {
        super(scope, id);
        Path context = p.worker().imageContext();
        requireFile(context.resolve(DOCKERFILE), "the worker's Dockerfile");
        requireFile(context.resolve(WORKER_JAR), "the CLI jar (run `mvn -B -DskipTests package` first)");
        String application = "sentiment-consumer-worker-" + p.environment();

        // KCL's lease table is the application's name. With its owner index made here, as KCL would make it, the
        // worker needs no right to change the table.
        Table leaseTable = Table.Builder.create(this, "LeaseTable")
                .tableName(application)
                .partitionKey(Attribute.builder().name("leaseKey").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(removal)
                .build();
        leaseTable.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(LEASE_OWNER_INDEX)
                .partitionKey(Attribute.builder().name("leaseOwner").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("leaseKey").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.KEYS_ONLY)
                .build());

        logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/ecs/" + application)
                .removalPolicy(removal)
                .build();
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(p.logRetentionDays());

        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("KCL worker: read the stream, keep its leases, invoke the configured model, put metrics")
                .build();
        stream.grantRead(taskRole);
        for (PolicyStatement statement : kclStatements(stream, application)) {
            taskRole.addToPrincipalPolicy(statement);
        }
        for (PolicyStatement statement
                : SentimentConsumerStack.bedrockAccess(p).statements(profile.map(ApplicationProfile::arn))) {
            taskRole.addToPrincipalPolicy(statement);
        }
        // The worker's own metrics (--metrics cloudwatch), and KCL's, which it publishes under the application name.
        taskRole.addToPrincipalPolicy(SentimentConsumerStack.putMetricData(
                List.of(p.consumer().metricsNamespace(), application)));
        results.ifPresent(r -> r.grantWrite(taskRole));
        List<io.github.cdklabs.cdknag.NagPackSuppression> roleSuppressions = new ArrayList<>(List.of(
                SentimentConsumerStack.putMetricDataSuppression(),
                SentimentConsumerStack.suppression("AwsSolutions-IAM5", "KCL registers one enhanced fan-out "
                        + "consumer per application under the stream, with an ARN suffix Kinesis assigns at "
                        + "registration; the wildcard covers only consumers of this one stream.",
                        "^Resource::<Posts[0-9A-F]+\\.Arn>/consumer/\\*$")));
        if (SentimentConsumerStack.bedrockAccess(p).isGlobalProfile()) {
            roleSuppressions.add(SentimentConsumerStack.globalProfileSuppression());
        }
        NagSuppressions.addResourceSuppressions(taskRole, roleSuppressions, true);

        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .build();
        NagSuppressions.addResourceSuppressions(vpc, List.of(SentimentConsumerStack.suppression("AwsSolutions-VPC7",
                "The VPC holds only the worker's tasks, which accept no inbound traffic and call AWS APIs only; "
                        + "flow logs would cost more than the worker and record nothing to act on.")));
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(p.worker().cpu())
                .memoryLimitMiB(p.worker().memoryMb())
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.ARM64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .taskRole(taskRole)
                .build();
        Map<String, String> env = SentimentConsumerStack.consumerEnvironment(p, MetricsSink.CLOUDWATCH, profile,
                results);
        task.addContainer("Worker", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(context.toAbsolutePath().toString(), AssetImageProps.builder()
                        .file(DOCKERFILE)
                        .exclude(List.of("*", "!" + DOCKERFILE, "!" + WORKER_JAR))
                        .ignoreMode(IgnoreMode.DOCKER)
                        .platform(Platform.LINUX_ARM64)
                        .build()))
                .command(List.of("worker", "--stream", stream.getStreamName(), "--application", application,
                        "--metrics", MetricsSink.CLOUDWATCH.id(), "--log-format", "json"))
                .environment(env)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logGroup).streamPrefix("worker").build()))
                .build());
        NagSuppressions.addResourceSuppressions(task, List.of(
                SentimentConsumerStack.suppression("AwsSolutions-ECS2", "The environment holds only the consumer's "
                        + "non-secret settings (model id, batch size, namespace...), the same as the function's."),
                SentimentConsumerStack.suppression("AwsSolutions-IAM5", "ecr:GetAuthorizationToken, which the "
                        + "execution role needs to pull the image, supports no resource-level permissions.",
                        "^Resource::\\*$")), true);

        FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(p.worker().count())
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(0)
                .maxHealthyPercent(100)
                .build();
    }

    /**
     * The lease table's items and its owner index, a look for KCL 3.0–3.4's tables, and the stream's enhanced
     * fan-out consumer. No CreateTable or UpdateTable: the stack makes the table and its index.
     */
    private static List<PolicyStatement> kclStatements(Stream stream, String application) {
        String leaseTable = "arn:" + Aws.PARTITION + ":dynamodb:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":table/"
                + application;
        return List.of(
                PolicyStatement.Builder.create()
                        .sid("KclLeaseTable")
                        .actions(List.of("dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:GetItem",
                                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"))
                        .resources(List.of(leaseTable))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("KclLeaseOwnerIndex")
                        .actions(List.of("dynamodb:Query"))
                        .resources(List.of(leaseTable + "/index/" + LEASE_OWNER_INDEX))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("KclLegacyTables")
                        .actions(List.of("dynamodb:DescribeTable"))
                        .resources(LEGACY_KCL_TABLE_SUFFIXES.stream().map(suffix -> leaseTable + suffix).toList())
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("KclFanOutConsumer")
                        .actions(List.of("kinesis:RegisterStreamConsumer"))
                        .resources(List.of(stream.getStreamArn()))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("KclFanOutSubscribe")
                        .actions(List.of("kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard"))
                        .resources(List.of(stream.getStreamArn() + "/consumer/*"))
                        .build());
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("-c worker=true needs " + what + " at " + file.toAbsolutePath()
                    + "; it is missing");
        }
    }

    public LogGroup logGroup() {
        return logGroup;
    }
}
