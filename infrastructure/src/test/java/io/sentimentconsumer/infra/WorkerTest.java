package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** {@code -c worker=true}: the KCL worker on Fargate, its lease table and IAM; synthesized without Docker. */
class WorkerTest {

    private static final Map<String, Object> WORKER = Map.of("worker", "true");

    @Test
    void noWorkerByDefault() {
        Template t = Synth.template(Map.of());
        t.resourceCountIs("AWS::ECS::Service", 0);
        t.resourceCountIs("AWS::DynamoDB::Table", 0);
    }

    @Test
    void workerRunsTheCliOnArm64Fargate() {
        Template t = Synth.template(WORKER);
        t.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", "FARGATE", "DesiredCount", 1));
        t.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "512", "Memory", "1024",
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX")));
        Map<String, Object> container = container(t);
        assertThat(Cfn.list(container.get("Command"))).containsExactly("worker", "--stream",
                "${Posts868B3EAD}", "--application", "sentiment-consumer-worker-dev", "--metrics", "cloudwatch",
                "--log-format", "json");
        assertThat(container.get("Environment").toString()).contains("Name=METRICS_SINK, Value=cloudwatch",
                "Name=BEDROCK_MODEL_ID, Value=amazon.nova-micro-v1:0", "Name=ENVIRONMENT, Value=dev");
        assertThat(container.get("LogConfiguration").toString()).contains("awslogs");
    }

    @Test
    void lambdaMappingIsDisabledWhileTheWorkerConsumesSoNoPostIsBilledTwice() {
        Synth.template(WORKER).hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("Enabled", false));
    }

    @Test
    void leaseTableIsTheApplicationsNameWithPointInTimeRecoveryAndKclsOwnerIndex() {
        Synth.template(WORKER).hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "sentiment-consumer-worker-dev",
                "KeySchema", List.of(Map.of("AttributeName", "leaseKey", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                // As KCL 3 would add it (DynamoDBLeaseRefresher): by leaseOwner, then leaseKey, keys only.
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", "LeaseOwnerToLeaseKeyIndex",
                        "KeySchema", List.of(Map.of("AttributeName", "leaseOwner", "KeyType", "HASH"),
                                Map.of("AttributeName", "leaseKey", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "KEYS_ONLY")))));
    }

    @Test
    void taskRoleCoversKclsTablesTheStreamAndMetricsInBothNamespaces() {
        List<Map<String, Object>> statements = Cfn.statements(Synth.template(WORKER), "WorkerTaskRoleDefaultPolicy");
        String table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/"
                + "sentiment-consumer-worker-dev";
        Map<String, Object> items = IamTest.statement(statements, "dynamodb:PutItem").orElseThrow();
        assertThat(Cfn.list(items.get("Resource"))).containsExactly(table);
        Map<String, Object> query = IamTest.statement(statements, "dynamodb:Query").orElseThrow();
        assertThat(Cfn.list(query.get("Resource"))).containsExactly(table + "/index/LeaseOwnerToLeaseKeyIndex");
        // KCL 3.5 only looks for the tables of KCL 3.0-3.4; the stack, not the worker, makes and changes tables.
        assertThat(statements).filteredOn(s -> Cfn.list(s.get("Resource")).contains(table + "-CoordinatorState"))
                .singleElement().satisfies(s -> assertThat(Cfn.list(s.get("Action")))
                        .containsExactly("dynamodb:DescribeTable"));
        assertThat(statements).flatMap(s -> Cfn.list(s.get("Action")))
                .doesNotContain("dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable");
        assertThat(IamTest.statement(statements, "kinesis:GetRecords")).isPresent();
        assertThat(IamTest.statement(statements, "bedrock:InvokeModel")).isPresent();
        Map<String, Object> put = IamTest.statement(statements, "cloudwatch:PutMetricData").orElseThrow();
        assertThat(IamTest.condition(put, "StringEquals", "cloudwatch:namespace"))
                .isEqualTo(List.of("SentimentAnalysis/Bedrock", "sentiment-consumer-worker-dev"));
    }

    @Test
    void imageIsStagedNotBuiltAndItsContextIsTheDockerfileAndTheJarOnly() throws IOException {
        App app = (App) Synth.of(WORKER).stack().getNode().getRoot();
        Path out = Path.of(app.synth().getDirectory());
        List<Path> imageContexts;
        try (Stream<Path> dirs = Files.list(out)) {
            imageContexts = dirs.filter(d -> Files.isRegularFile(d.resolve(KclWorker.DOCKERFILE))).toList();
        }
        assertThat(imageContexts).hasSize(1);
        try (Stream<Path> files = Files.walk(imageContexts.get(0))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> imageContexts.get(0).relativize(f).toString()))
                    .containsExactlyInAnyOrder(KclWorker.DOCKERFILE, KclWorker.WORKER_JAR);
        }
        // The task pulls the image CDK pushes to the bootstrap repository at deploy time.
        Map<String, Object> container = container(Synth.template(WORKER));
        assertThat(Cfn.text(container.get("Image"))).contains("cdk-hnb659fds-container-assets-");
    }

    @Test
    void missingWorkerJarStopsTheSynthWithAClearMessage(@org.junit.jupiter.api.io.TempDir Path empty) {
        App app = App.Builder.create().context(Map.of("worker", "true", "lambdaJar", Synth.placeholderJar().toString(),
                "workerImageContext", empty.toString())).build();
        assertThatThrownBy(() -> InfraApp.stack(app))
                .hasMessageContaining("-c worker=true needs the worker's Dockerfile")
                .hasMessageContaining(empty.resolve(KclWorker.DOCKERFILE).toString());
    }

    /** The worker's one container definition. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Template t) {
        return ((List<Map<String, Object>>) Cfn.only(t, "AWS::ECS::TaskDefinition").get("ContainerDefinitions"))
                .get(0);
    }

    /** The worker container's environment, values as {@link Cfn#text} reads them. */
    @SuppressWarnings("unchecked")
    static Map<String, String> containerEnvironment(Template t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container(t).get("Environment")) {
            out.put((String) variable.get("Name"), Cfn.text(variable.get("Value")));
        }
        return out;
    }
}
