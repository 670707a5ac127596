package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Least privilege as synthesized: what the roles may do, and that nothing wider is there. */
class IamTest {

    private static final String FUNCTION_POLICY = "FunctionRoleDefaultPolicy";
    private static final String WORKER_POLICY = "WorkerTaskRoleDefaultPolicy";
    private static final String PROFILE_ARN =
            "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/us.amazon.nova-micro-v1:0";
    private static final String APPLICATION_PROFILE_ARN = "${ApplicationInferenceProfile.InferenceProfileArn}";

    @Test
    void invokeModelOnlyOnTheConfiguredFoundationModelAndTheApplicationProfileCopiedFromIt() {
        List<Map<String, Object>> bedrock = actions(Synth.template(Map.of()), FUNCTION_POLICY, "bedrock:InvokeModel");
        assertThat(bedrock).hasSize(2).allSatisfy(s -> {
            assertThat(Cfn.list(s.get("Action"))).containsExactly("bedrock:InvokeModel");
            assertThat(s).doesNotContainKey("Condition");
        });
        assertThat(Cfn.list(bedrock.get(0).get("Resource"))).containsExactly(
                "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.nova-micro-v1:0");
        assertThat(Cfn.list(bedrock.get(1).get("Resource"))).containsExactly(APPLICATION_PROFILE_ARN);
    }

    @Test
    void bedrockRegionNamesTheModelsRegionAndMakesNoApplicationProfile() {
        List<Map<String, Object>> bedrock = actions(Synth.template(Map.of("bedrockRegion", "eu-west-1")),
                FUNCTION_POLICY, "bedrock:InvokeModel");
        assertThat(bedrock).singleElement().satisfies(s -> assertThat(Cfn.list(s.get("Resource"))).containsExactly(
                "arn:${AWS::Partition}:bedrock:eu-west-1::foundation-model/amazon.nova-micro-v1:0"));
    }

    @Test
    void crossRegionProfileGetsItsArnAndTheRoutedModelsOnlyThroughItOrTheApplicationProfile() {
        Template t = Synth.template(Map.of("modelId", "us.amazon.nova-micro-v1:0"));
        List<Map<String, Object>> bedrock = actions(t, FUNCTION_POLICY, "bedrock:InvokeModel");
        assertThat(bedrock).hasSize(3).allSatisfy(s ->
                assertThat(Cfn.list(s.get("Action"))).containsExactly("bedrock:InvokeModel"));
        assertThat(Cfn.list(bedrock.get(0).get("Resource"))).containsExactly(PROFILE_ARN);
        assertThat(Cfn.list(bedrock.get(1).get("Resource"))).containsExactly(
                "arn:${AWS::Partition}:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
                "arn:${AWS::Partition}:bedrock:us-east-2::foundation-model/amazon.nova-micro-v1:0",
                "arn:${AWS::Partition}:bedrock:us-west-2::foundation-model/amazon.nova-micro-v1:0");
        assertThat(Cfn.list(condition(bedrock.get(1), "StringEquals", "bedrock:InferenceProfileArn")))
                .containsExactly(PROFILE_ARN, APPLICATION_PROFILE_ARN);
        assertThat(Cfn.list(bedrock.get(2).get("Resource"))).containsExactly(APPLICATION_PROFILE_ARN);
        assertThat(bedrock.get(0)).doesNotContainKey("Condition");
        assertThat(bedrock.get(2)).doesNotContainKey("Condition");
    }

    @Test
    void theWorkerMayInvokeExactlyWhatTheFunctionMay() {
        for (Map<String, Object> context : List.<Map<String, Object>>of(Map.of("worker", "true"),
                Map.of("worker", "true", "modelId", "us.amazon.nova-micro-v1:0"))) {
            Template t = Synth.template(context);
            assertThat(actions(t, WORKER_POLICY, "bedrock:InvokeModel"))
                    .isEqualTo(actions(t, FUNCTION_POLICY, "bedrock:InvokeModel"));
        }
    }

    @Test
    void profileRegionsCanBeGivenAndGlobalProfilesRouteAnywhereButOnlyThroughTheProfile() {
        List<Map<String, Object>> eu = actions(Synth.template(Map.of("modelId", "eu.amazon.nova-micro-v1:0",
                "bedrockProfileRegions", "eu-west-1, eu-central-1")), FUNCTION_POLICY, "bedrock:InvokeModel");
        assertThat(Cfn.list(eu.get(1).get("Resource"))).containsExactly(
                "arn:${AWS::Partition}:bedrock:eu-west-1::foundation-model/amazon.nova-micro-v1:0",
                "arn:${AWS::Partition}:bedrock:eu-central-1::foundation-model/amazon.nova-micro-v1:0");

        List<Map<String, Object>> global = actions(Synth.template(Map.of("modelId", "global.amazon.nova-micro-v1:0",
                "metricsSink", "cloudwatch")), FUNCTION_POLICY, "bedrock:InvokeModel");
        assertThat(Cfn.list(global.get(1).get("Resource"))).containsExactly(
                "arn:${AWS::Partition}:bedrock:*::foundation-model/amazon.nova-micro-v1:0",
                "arn:${AWS::Partition}:bedrock:::foundation-model/amazon.nova-micro-v1:0");
        assertThat(global.get(1)).containsKey("Condition");
    }

    @Test
    void putMetricDataOnlyForTheCloudWatchSinkAndOnlyInTheNamespace() {
        assertThat(actions(Synth.template(Map.of()), FUNCTION_POLICY, "cloudwatch:PutMetricData")).isEmpty();

        List<Map<String, Object>> put = actions(Synth.template(Map.of("metricsSink", "cloudwatch",
                "modelId", "global.amazon.nova-micro-v1:0")), FUNCTION_POLICY, "cloudwatch:PutMetricData");
        assertThat(put).hasSize(1);
        assertThat(put.get(0).get("Resource")).isEqualTo("*");
        assertThat(condition(put.get(0), "StringEquals", "cloudwatch:namespace"))
                .isEqualTo(List.of("SentimentAnalysis/Bedrock"));
    }

    @Test
    void streamReadAndQueueSendComeFromTheGrantsOnThoseResourcesOnly() {
        List<Map<String, Object>> statements = Cfn.statements(Synth.template(Map.of()), FUNCTION_POLICY);
        Map<String, Object> read = statement(statements, "kinesis:GetRecords").orElseThrow();
        assertThat(Cfn.list(read.get("Resource"))).singleElement().asString().matches("\\$\\{Posts[0-9A-F]+\\.Arn}");
        assertThat(Cfn.list(read.get("Action"))).allMatch(a -> a.startsWith("kinesis:Get")
                || a.startsWith("kinesis:Describe") || a.startsWith("kinesis:List")
                || a.equals("kinesis:SubscribeToShard"));
        Map<String, Object> send = statement(statements, "sqs:SendMessage").orElseThrow();
        assertThat(Cfn.list(send.get("Resource"))).singleElement().asString()
                .matches("\\$\\{MappingFailures[0-9A-F]+\\.Arn}");
        Map<String, Object> logs = statement(statements, "logs:PutLogEvents").orElseThrow();
        assertThat(Cfn.list(logs.get("Resource"))).singleElement().asString()
                .matches("\\$\\{FunctionLogs[0-9A-F]+\\.Arn}");
        assertThat(statement(statements, "logs:CreateLogGroup")).isEmpty();
    }

    @Test
    void functionRoleHasNoManagedPolicies() {
        Synth.template(Map.of()).findResources("AWS::IAM::Role").forEach((id, role) ->
                assertThat(Cfn.props(role)).as(id).doesNotContainKey("ManagedPolicyArns"));
    }

    @Test
    void noWildcardActionAnywhereAndWildcardResourcesOnlyWhereTheServiceAllowsNothingElse() {
        for (Map<String, Object> context : NagTest.variants()) {
            for (Map<String, Object> s : Cfn.statements(Synth.template(context), "")) {
                List<String> actions = Cfn.list(s.get("Action"));
                assertThat(actions).as("%s", s).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
                if (Cfn.list(s.get("Resource")).contains("*")) {
                    assertThat(actions).as("%s", s)
                            .isSubsetOf("cloudwatch:PutMetricData", "ecr:GetAuthorizationToken");
                }
            }
        }
    }

    static List<Map<String, Object>> actions(Template t, String policyPrefix, String action) {
        return Cfn.statements(t, policyPrefix).stream().filter(s -> Cfn.list(s.get("Action")).contains(action))
                .toList();
    }

    static Optional<Map<String, Object>> statement(List<Map<String, Object>> statements, String action) {
        return statements.stream().filter(s -> Cfn.list(s.get("Action")).contains(action)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Object condition(Map<String, Object> statement, String operator, String key) {
        return ((Map<String, Map<String, Object>>) statement.get("Condition")).get(operator).get(key);
    }
}
