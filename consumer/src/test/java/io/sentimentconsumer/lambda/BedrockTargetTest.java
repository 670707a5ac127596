package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.posts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where and how the calls go, as the real SDK client puts them on the wire: through the deployment's application
 * inference profile when it has one, asking for the configured service tier, while the metrics and the ledger keep
 * the configured model id.
 */
class BedrockTargetTest {

    private static final String PROFILE_ARN =
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k3m9x2p7q1w4";

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    @Test
    void aDeploymentWithoutProfileOrTierCallsTheModelAndNamesNoTier() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        try (var consumer = new ConsumerUnderTest(bedrock, Map.of())) {
            consumer.handle(event(posts(3)));
        }

        FakeBedrock.Call call = bedrock.calls().get(0);
        assertThat(call.rawPath()).isEqualTo("/model/amazon.nova-micro-v1%3A0/converse");
        assertThat(call.body().has("serviceTier")).isFalse();
    }

    @Test
    void callsGoThroughTheProfileOnTheAskedTierWhileMetricsKeepTheModelId() throws Exception {
        bedrock.script(FakeBedrock::scoreAll);
        try (var consumer = new ConsumerUnderTest(bedrock, Map.of(
                "BEDROCK_INFERENCE_PROFILE_ARN", PROFILE_ARN, "BEDROCK_SERVICE_TIER", "flex"))) {
            consumer.handle(event(posts(3)));

            FakeBedrock.Call call = bedrock.calls().get(0);
            assertThat(call.rawPath()).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3A"
                    + "application-inference-profile%2Fk3m9x2p7q1w4/converse");
            assertThat(call.modelId()).isEqualTo(PROFILE_ARN);
            assertThat(call.body().path("serviceTier").path("type").asText()).isEqualTo("flex");

            assertThat(consumer.logEvents("bedrock_call"))
                    .extracting(line -> line.path("modelId").asText())
                    .containsOnly("amazon.nova-micro-v1:0");
            JsonNode emf = consumer.emfDocuments().get(0);
            assertThat(emf.path("ModelId").asText()).isEqualTo("amazon.nova-micro-v1:0");
            assertThat(emf.path("Environment").asText()).isEqualTo("test");
        }
    }
}
