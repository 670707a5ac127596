package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.posts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.CacheTtl;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    static Path dir;

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

    @Test
    void theResponsesServedTierAndCacheLifetimesPriceTheCall() throws Exception {
        Path table = Files.writeString(dir.resolve("prices.json"), """
                {"version": 2, "entries": [
                  {"model": "amazon.nova-micro-v1:0", "region": "us-east-1", "routing": "in-region", "tier": "flex",
                   "inputPerMillion": "0.0175", "outputPerMillion": "0.07", "cacheReadPerMillion": "0.004",
                   "cacheWritePerMillionByTtl": {"5m": "0.02", "1h": "0.03"}, "source": "test", "asOf": "2026-11-01"}]}
                """);
        // 1,000 input, 100 output, 200 cache-read and 300 cache-written tokens, 100 of them for an hour.
        TokenUsage usage = new TokenUsage(1000, 100, 200, 300,
                Map.of(CacheTtl.FIVE_MINUTES, 200L, CacheTtl.ONE_HOUR, 100L));
        bedrock.script(call -> FakeBedrock.answer(call, call.posts().size()).withUsage(usage).withServedTier("flex"));
        try (var consumer = new ConsumerUnderTest(bedrock, Map.of("PRICE_TABLE_FILE", table.toString(),
                "BEDROCK_SERVICE_TIER", "flex"))) {
            consumer.handle(event(posts(3)));

            JsonNode line = consumer.logEvents("bedrock_call").get(0);
            assertThat(line.path("servedTier").asText()).isEqualTo("flex");
            assertThat(line.path("cacheWriteInputTokens").asLong()).isEqualTo(300);
            // 1000 × 0.0175 + 100 × 0.07 + 200 × 0.004 + 200 × 0.02 + 100 × 0.03
            //   = 17.5 + 7 + 0.8 + 4 + 3 = 32.3 micro-dollars
            assertThat(line.path("costUsd").decimalValue()).isEqualByComparingTo("0.0000323");
            assertThat(consumer.summary().path("byTier").path("flex").path("apiCalls").asInt()).isEqualTo(1);
        }
    }
}
