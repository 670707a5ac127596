package io.sentimentconsumer.reconcile;

import io.sentimentconsumer.testing.FakeCloudWatch;
import java.time.Instant;
import java.util.Map;

/**
 * Four hours of two models' metrics, 06:00 to 10:00 UTC on 2026-12-01, with hand-written sums, and the data points
 * just outside them. Nova Micro: equal at 06:00, Bedrock 1.00% above ours at 07:00 (exactly), nothing at 08:00 but
 * an abandoned attempt, Bedrock 2.91% above at 09:00. Nova Lite: only ours at 06:00, only Bedrock's at 07:00, equal
 * at 09:00.
 */
public final class TwoModels {

    public static final String NAMESPACE = "SentimentAnalysis/Bedrock";
    public static final String ENVIRONMENT = "production";
    public static final String MICRO = "amazon.nova-micro-v1:0";
    public static final String MICRO_PROFILE = "a1b2c3d4e5f6";
    public static final String LITE = "amazon.nova-lite-v1:0";
    public static final String LITE_PROFILE = "q9r8s7t6u5v4";

    public static final Instant H05 = Instant.parse("2026-12-01T05:00:00Z");
    public static final Instant H06 = Instant.parse("2026-12-01T06:00:00Z");
    public static final Instant H07 = Instant.parse("2026-12-01T07:00:00Z");
    public static final Instant H08 = Instant.parse("2026-12-01T08:00:00Z");
    public static final Instant H09 = Instant.parse("2026-12-01T09:00:00Z");
    public static final Instant H10 = Instant.parse("2026-12-01T10:00:00Z");

    private TwoModels() {}

    public static void publish(FakeCloudWatch cloudWatch) {
        ours(cloudWatch, MICRO, H05, 500, 100, 0);
        ours(cloudWatch, MICRO, H06, 12_000, 3_000, 0);
        bedrock(cloudWatch, MICRO_PROFILE, H06, 12_000, 3_000);
        ours(cloudWatch, MICRO, H07, 9_900, 2_475, 2);
        bedrock(cloudWatch, MICRO_PROFILE, H07, 10_000, 2_500);
        abandoned(cloudWatch, MICRO, H08, 1);
        ours(cloudWatch, MICRO, H09, 8_000, 2_000, 3);
        bedrock(cloudWatch, MICRO_PROFILE, H09, 8_200, 2_100);
        ours(cloudWatch, MICRO, H10, 700, 100, 0);
        bedrock(cloudWatch, MICRO_PROFILE, H10, 300, 50);

        ours(cloudWatch, LITE, H06, 5_000, 1_000, 0);
        bedrock(cloudWatch, LITE_PROFILE, H07, 4_000, 800);
        ours(cloudWatch, LITE, H09, 7_000, 1_400, 0);
        bedrock(cloudWatch, LITE_PROFILE, H09, 7_000, 1_400);
    }

    /** Our input and output tokens of an hour, and the abandoned attempts when there were any. */
    public static void ours(FakeCloudWatch cloudWatch, String model, Instant hour, long input, long output,
                            long abandoned) {
        Map<String, String> dimensions = Map.of("Environment", ENVIRONMENT, "ModelId", model);
        cloudWatch.sum(NAMESPACE, "InputTokens", dimensions, hour, input)
                .sum(NAMESPACE, "OutputTokens", dimensions, hour, output);
        if (abandoned > 0) {
            abandoned(cloudWatch, model, hour, abandoned);
        }
    }

    public static void abandoned(FakeCloudWatch cloudWatch, String model, Instant hour, long attempts) {
        cloudWatch.sum(NAMESPACE, "AbandonedAttempts", Map.of("Environment", ENVIRONMENT, "ModelId", model), hour,
                attempts);
    }

    public static void bedrock(FakeCloudWatch cloudWatch, String profileId, Instant hour, long input, long output) {
        Map<String, String> dimensions = Map.of("ModelId", profileId);
        cloudWatch.sum("AWS/Bedrock", "InputTokenCount", dimensions, hour, input)
                .sum("AWS/Bedrock", "OutputTokenCount", dimensions, hour, output);
    }
}
