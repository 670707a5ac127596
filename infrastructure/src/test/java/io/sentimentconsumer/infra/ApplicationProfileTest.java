package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The application inference profile the function and the worker invoke the model through. */
class ApplicationProfileTest {

    private static final String TYPE = "AWS::Bedrock::ApplicationInferenceProfile";
    private static final String PROFILE_ARN = "${ApplicationInferenceProfile.InferenceProfileArn}";

    @Test
    void aModelIdWithoutPrefixIsCopiedFromTheFoundationModelInTheStacksRegion() {
        Map<String, Object> profile = Cfn.only(Synth.template(Map.of()), TYPE);
        assertThat(profile.get("InferenceProfileName")).isEqualTo("sentiment-consumer-dev");
        assertThat(Cfn.text(modelSource(profile).get("CopyFrom"))).isEqualTo(
                "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.nova-micro-v1:0");
    }

    @Test
    void aCrossRegionIdIsCopiedFromItsSystemDefinedProfile() {
        Map<String, Object> profile = Cfn.only(Synth.template(Map.of("modelId", "us.amazon.nova-micro-v1:0")), TYPE);
        assertThat(Cfn.text(modelSource(profile).get("CopyFrom"))).isEqualTo("arn:${AWS::Partition}:bedrock:"
                + "${AWS::Region}:${AWS::AccountId}:inference-profile/us.amazon.nova-micro-v1:0");
    }

    @Test
    void itIsTaggedForCostAllocationWithTheEnvironmentAndTheApplication() {
        Map<String, Object> profile = Cfn.only(Synth.template(Map.of("environment", "production")), TYPE);
        assertThat(profile.get("InferenceProfileName")).isEqualTo("sentiment-consumer-production");
        assertThat(tags(profile)).contains(
                Map.of("Key", "Environment", "Value", "production"),
                Map.of("Key", "Application", "Value", "sentiment-consumer"));
    }

    @Test
    void theFunctionGetsTheProfilesArnAndKeepsTheConfiguredModelId() {
        Map<String, Object> variables =
                functionVariables(Synth.template(Map.of("modelId", "us.amazon.nova-micro-v1:0")));
        assertThat(Cfn.text(variables.get("BEDROCK_INFERENCE_PROFILE_ARN"))).isEqualTo(PROFILE_ARN);
        assertThat(variables.get("BEDROCK_MODEL_ID")).isEqualTo("us.amazon.nova-micro-v1:0");
    }

    @Test
    void theWorkerGetsTheProfilesArnAndKeepsTheConfiguredModelId() {
        Map<String, String> environment = WorkerTest.containerEnvironment(Synth.template(Map.of("worker", "true")));
        assertThat(environment).containsEntry("BEDROCK_INFERENCE_PROFILE_ARN", PROFILE_ARN)
                .containsEntry("BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0");
    }

    @Test
    void noProfileWhenBedrockIsCalledInANamedRegionWhichTheStacksProfileMightNotBeIn() {
        Template t = Synth.template(Map.of("bedrockRegion", "eu-west-1"));
        t.resourceCountIs(TYPE, 0);
        assertThat(functionVariables(t)).doesNotContainKey("BEDROCK_INFERENCE_PROFILE_ARN");
        assertThat(t.findOutputs("InferenceProfileArn")).isEmpty();
        assertThat(t.toJSON().toString()).doesNotContain("AWS/Bedrock", "TokenReconciliation");
    }

    @Test
    void theArnIsAnOutput() {
        assertThat(Cfn.text(Synth.template(Map.of()).findOutputs("InferenceProfileArn")
                .get("InferenceProfileArn").get("Value"))).isEqualTo(PROFILE_ARN);
    }

    @Test
    void anEnvironmentTheProfilesNameCannotCarryStopsTheSynthSayingWhy() {
        App app = App.Builder.create().context(Map.of("environment", "blue--green",
                "lambdaJar", Synth.placeholderJar().toString())).build();
        assertThatThrownBy(() -> InfraApp.stack(app))
                .hasMessageContaining("sentiment-consumer-blue--green")
                .hasMessageContaining("choose an environment without two hyphens in a row");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modelSource(Map<String, Object> profile) {
        return (Map<String, Object>) profile.get("ModelSource");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tags(Map<String, Object> profile) {
        return (List<Map<String, Object>>) profile.get("Tags");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionVariables(Template t) {
        Map<String, Object> environment = (Map<String, Object>) Cfn.only(t, "AWS::Lambda::Function").get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }
}
