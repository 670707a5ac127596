package io.sentimentconsumer.cli;

import static io.sentimentconsumer.cli.EstimateRun.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.testing.FakeBedrock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code estimate --calibrate} through the real Bedrock client, over real HTTP, against {@link FakeBedrock}: what it
 * measures is what the fake billed, and what it says the calls cost is worked out here by hand.
 */
class EstimateCalibrationTest {

    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    @BeforeEach
    void pointTheSdkAtTheFake() {
        System.setProperty("aws.endpointUrlBedrockRuntime", bedrock.endpoint());
    }

    @AfterEach
    void clearTheEndpoint() {
        System.clearProperty("aws.endpointUrlBedrockRuntime");
    }

    @Test
    void sendsTheSamplesFirstBatchesAsTheConsumerWouldAndPricesWhatWasBilled() {
        bedrock.script(call -> FakeBedrock.answer(call, call.posts().size()).withUsage(new TokenUsage(1000, 150, 0, 0)));

        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO, "--calibrate", "2",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bedrock.calls()).hasSize(2).allSatisfy(call -> {
            assertThat(call.modelId()).isEqualTo(NOVA_MICRO);
            assertThat(call.system()).isEqualTo(PromptContract.SYSTEM);
            assertThat(call.posts()).hasSize(25);
            assertThat(call.maxTokens()).isEqualTo(PromptContract.maxTokensFor(25));
        });
        JsonNode row = run.model(NOVA_MICRO, "us-east-1");
        assertThat(row.path("calibrationCalls").asText()).isEqualTo("2");
        assertThat(row.path("calibrationPosts").asText()).isEqualTo("50");
        // Billed: 2 × 1,000 input and 2 × 150 output tokens for 50 posts: 40 and 6 a post.
        assertThat(row.path("measuredInputTokensPerPost").asText()).isEqualTo("40");
        assertThat(row.path("measuredOutputTokensPerPost").asText()).isEqualTo("6");
        // The same two calls estimated: 2 × 66 + 1,750 = 1,882 input and 298 output tokens, 37.64 and 5.96 a post.
        assertThat(row.path("estimatedInputTokensPerPost").asText()).isEqualTo("37.64");
        assertThat(row.path("estimatedOutputTokensPerPost").asText()).isEqualTo("5.96");
        // 2,000 / 1,882 = 1.062699 and 300 / 298 = 1.006711.
        assertThat(rounded(row, "inputRatio")).isEqualByComparingTo("1.062699");
        assertThat(rounded(row, "outputRatio")).isEqualByComparingTo("1.006711");
        // (2,000 × 0.035 + 300 × 0.14) / 1,000,000 = (70 + 42) / 1,000,000 = USD 0.000112.
        assertThat(row.path("calibrationUsd").asText()).isEqualTo("0.000112");
        assertThat(row.path("calibrationFailure").isNull()).isTrue();
    }

    @Test
    void measuresExactlyWhatTheServiceBilled() {
        bedrock.script(FakeBedrock::scoreAll);

        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO, "--calibrate", "1",
                "--format", "json");

        TokenUsage billed = bedrock.billed();
        JsonNode row = run.model(NOVA_MICRO, "us-east-1");
        assertThat(row.path("calibrationPosts").asText()).isEqualTo("25");
        assertThat(new BigDecimal(row.path("measuredInputTokensPerPost").asText()).multiply(BigDecimal.valueOf(25)))
                .isEqualByComparingTo(BigDecimal.valueOf(billed.inputTokens()));
        assertThat(new BigDecimal(row.path("measuredOutputTokensPerPost").asText()).multiply(BigDecimal.valueOf(25)))
                .isEqualByComparingTo(BigDecimal.valueOf(billed.outputTokens()));
    }

    @Test
    void aCallServedOnATierTheTableDoesNotPriceLeavesTheCalibrationUnpriced() {
        bedrock.script(call -> FakeBedrock.answer(call, call.posts().size()).withServedTier("flex"));

        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO, "--calibrate", "1",
                "--format", "json");

        JsonNode row = run.model(NOVA_MICRO, "us-east-1");
        assertThat(row.path("calibrationUsd").isNull()).isTrue();
        assertThat(row.path("calibrationUnpricedReason").asText()).contains("amazon.nova-micro-v1:0 in us-east-1, "
                + "in-region, flex tier");
    }

    @Test
    void aRefusedCallStopsTheCalibrationSaysWhyAndExitsOne() {
        bedrock.script(call -> new FakeBedrock.Failure(403, "AccessDeniedException",
                "You don't have access to the model with the specified model ID."));

        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO, "--calibrate", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(bedrock.calls()).hasSize(1);
        assertThat(run.out()).contains(NOVA_MICRO + " in us-east-1: calibration stopped: ")
                .contains("enable access to " + NOVA_MICRO);
        assertThat(run.out()).contains("Calibration cost: USD 0");
    }

    private static BigDecimal rounded(JsonNode row, String column) {
        return new BigDecimal(row.path(column).asText()).setScale(6, RoundingMode.HALF_UP);
    }
}
