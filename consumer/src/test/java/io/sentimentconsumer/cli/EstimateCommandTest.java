package io.sentimentconsumer.cli;

import static io.sentimentconsumer.cli.EstimateRun.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimate} on the committed sample, checked by hand. The token counts the sample prints for the default
 * batch of 25 are 66 instruction tokens a call, 1,750 tokens of post lines and 298 tokens of answers over 50 posts in
 * 2 calls; every expected figure below is worked out from those and the bundled prices and quotas, in the comments.
 */
class EstimateCommandTest {

    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    /** The columns docs/estimate.md promises, in its order. */
    private static final List<String> COLUMNS = List.of("model", "region", "routing", "tier", "postsPerDay",
            "batchSize", "peakFactor", "inputTokensPerPost", "outputTokensPerPost", "tokenCounts", "usdPer1000Posts",
            "usdPerDay", "usdPer30Days", "priceAsOf", "unpricedReason", "requestsPerMinute", "requestsPerMinutePeak",
            "requestsPerMinuteQuota", "requestsPerMinutePeakShareOfQuota", "tokensPerMinute", "tokensPerMinutePeak",
            "tokensPerMinuteQuota", "tokensPerMinutePeakShareOfQuota", "quotaName", "quotaAsOf", "calibrationCalls",
            "calibrationPosts", "measuredInputTokensPerPost", "estimatedInputTokensPerPost", "inputRatio",
            "measuredOutputTokensPerPost", "estimatedOutputTokensPerPost", "outputRatio", "calibrationUsd",
            "calibrationUnpricedReason", "calibrationFailure");

    @TempDir
    Path dir;

    @Test
    void novaMicroCostsItsTokensTimesItsPricesExactly() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO,
                "--posts-per-day", "1000000", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sample = run.json().path("sample");
        assertThat(sample.path("postsToModel").asInt()).isEqualTo(50);
        assertThat(sample.path("calls").asInt()).isEqualTo(2);
        assertThat(sample.path("instructionTokensPerCall").asInt()).isEqualTo(66);
        assertThat(sample.path("postLineTokens").asInt()).isEqualTo(1750);
        assertThat(sample.path("answerTokens").asInt()).isEqualTo(298);
        JsonNode row = run.model(NOVA_MICRO, "us-east-1");
        // Input: 66 / 25 + 1,750 / 50 = 2.64 + 35 = 37.64. Output: 298 / 50 = 5.96.
        assertThat(row.path("inputTokensPerPost").asText()).isEqualTo("37.64");
        assertThat(row.path("outputTokensPerPost").asText()).isEqualTo("5.96");
        // Nova Micro in us-east-1: USD 0.035 input and 0.14 output per 1M tokens.
        // A post: (37.64 × 0.035 + 5.96 × 0.14) / 1,000,000 = (1.3174 + 0.8344) / 1,000,000 = 0.0000021518.
        assertThat(row.path("usdPer1000Posts").asText()).isEqualTo("0.0021518");
        assertThat(row.path("usdPerDay").asText()).isEqualTo("2.1518");
        assertThat(row.path("usdPer30Days").asText()).isEqualTo("64.554");
        assertThat(row.path("priceAsOf").asText()).isEqualTo("2025-06-01");
    }

    @Test
    void theTerminalTableRoundsTheSameRowAndSaysTheTokensAreEstimates() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO,
                "--posts-per-day", "1000000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Tokens estimated with jtokkit o200k_base plus 3 framing tokens a message; "
                + "Nova's tokenizer is not public.");
        assertThat(run.out()).contains("66 instruction tokens a call / 25 posts + 1,750 tokens of post lines / 50 "
                + "posts = 37.64");
        assertThat(run.lines()).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                NOVA_MICRO, "us-east-1", "37.64", "5.96", "0.002152", "2.15", "64.55", "2025-06-01"));
    }

    @Test
    void peakTokensAreComparedWithTheModelsDefaultQuota() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1",
                "--models", NOVA_MICRO + ",us." + NOVA_MICRO + ",amazon.nova-2-lite-v1:0",
                "--posts-per-day", "1000000", "--peak-factor", "3", "--format", "json");

        JsonNode inRegion = run.model(NOVA_MICRO, "us-east-1");
        // Calls: 1,000,000 / 25 / 1,440 = 27.78 a minute, 83.33 at three times that.
        assertThat(rounded(inRegion, "requestsPerMinute", 2)).isEqualByComparingTo("27.78");
        assertThat(rounded(inRegion, "requestsPerMinutePeak", 2)).isEqualByComparingTo("83.33");
        // Tokens: 1,000,000 × (37.64 + 5.96) / 1,440 = 30,277.78 a minute, 90,833.33 at the peak, which is
        // 4.54% of the 2,000,000 tokens a minute AWS lists for on-demand Nova Micro in us-east-1.
        assertThat(rounded(inRegion, "tokensPerMinute", 2)).isEqualByComparingTo("30277.78");
        assertThat(rounded(inRegion, "tokensPerMinutePeak", 2)).isEqualByComparingTo("90833.33");
        assertThat(inRegion.path("tokensPerMinuteQuota").asText()).isEqualTo("2000000");
        assertThat(rounded(inRegion, "tokensPerMinutePeakShareOfQuota", 6)).isEqualByComparingTo("0.045417");
        assertThat(inRegion.path("quotaName").asText())
                .isEqualTo("On-demand model inference tokens per minute for Amazon Nova Micro");
        assertThat(inRegion.path("requestsPerMinuteQuota").isNull()).isTrue();
        // Through the US profile the cross-region quota counts: 4,000,000, so half the share.
        JsonNode profile = run.model("us." + NOVA_MICRO, "us-east-1");
        assertThat(profile.path("tokensPerMinuteQuota").asText()).isEqualTo("4000000");
        assertThat(rounded(profile, "tokensPerMinutePeakShareOfQuota", 6)).isEqualByComparingTo("0.022708");
        // No source gave Nova 2 Lite's quotas: unknown, not a number.
        JsonNode nova2 = run.model("amazon.nova-2-lite-v1:0", "us-east-1");
        assertThat(nova2.path("tokensPerMinuteQuota").isNull()).isTrue();
        assertThat(nova2.path("tokensPerMinutePeakShareOfQuota").isNull()).isTrue();
    }

    @Test
    void aQuotaTableOfOnesOwnGivesTheRequestsQuotaItsShare() throws IOException {
        Path quotas = Files.writeString(dir.resolve("quotas.json"), """
                {"version": 1, "entries": [{"model": "amazon.nova-micro-v1:0", "region": "us-east-1",
                  "routing": "in-region", "tier": "default", "requestsPerMinute": 100,
                  "source": "Service Quotas, account 123456789012", "asOf": "2026-11-30"}]}
                """);

        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO,
                "--posts-per-day", "1000000", "--quota-table", quotas.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 83.33 calls a minute at the peak, of 100: 83.33%. The file gives no tokens quota: unknown.
        assertThat(run.lines()).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                NOVA_MICRO, "us-east-1", "27.8", "83.3", "100", "(83.33%)", "30,278", "90,833", "unknown", "-",
                "2026-11-30"));
    }

    @Test
    void aModelTheTableCannotPriceThereIsUnpricedNeverFree() {
        EstimateRun json = EstimateRun.of(POSTS, "--region", "eu-central-1", "--models",
                CLAUDE_3_HAIKU + "," + NOVA_MICRO, "--format", "json");

        JsonNode haiku = json.model(CLAUDE_3_HAIKU, "eu-central-1");
        assertThat(haiku.path("usdPer1000Posts").isNull()).isTrue();
        assertThat(haiku.path("usdPerDay").isNull()).isTrue();
        assertThat(haiku.path("usdPer30Days").isNull()).isTrue();
        assertThat(haiku.path("unpricedReason").asText()).contains("has no price for " + CLAUDE_3_HAIKU
                + " in eu-central-1, in-region, default tier (it prices: us-east-1 in-region default)");
        // Nova Micro in eu-central-1: USD 0.046 and 0.184 per 1M tokens.
        // 1,000 posts: 1,000 × (37.64 × 0.046 + 5.96 × 0.184) / 1,000,000 = (1.73144 + 1.09664) / 1,000 = 0.00282808.
        assertThat(json.model(NOVA_MICRO, "eu-central-1").path("usdPer1000Posts").asText()).isEqualTo("0.00282808");

        EstimateRun table = EstimateRun.of(POSTS, "--region", "eu-central-1", "--models", CLAUDE_3_HAIKU);
        assertThat(table.lines()).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                CLAUDE_3_HAIKU, "eu-central-1", "37.64", "5.96", "unpriced", "unpriced", "unpriced", "-"));
        assertThat(table.out()).contains(CLAUDE_3_HAIKU + " in eu-central-1 is unpriced: the price table");
    }

    @Test
    void aTierTheTablePricesNothingOnIsUnpricedNotTheDefaultTiersRate() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--service-tier", "flex",
                "--models", NOVA_MICRO, "--format", "json");

        JsonNode row = run.model(NOVA_MICRO, "us-east-1");
        assertThat(row.path("tier").asText()).isEqualTo("flex");
        assertThat(row.path("usdPer1000Posts").isNull()).isTrue();
        assertThat(row.path("unpricedReason").asText()).contains("flex tier");
        assertThat(row.path("tokensPerMinuteQuota").isNull()).isTrue();
    }

    @Test
    void withoutARegionEveryPriceOfTheTierIsEstimated() {
        EstimateRun run = EstimateRun.of(POSTS, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // The bundled table has 19 default-tier prices: 8 in eu-central-1 and 11 in us-east-1.
        assertThat(run.json().path("models")).hasSize(19);
        assertThat(run.json().path("regions")).extracting(JsonNode::asText).containsExactly("eu-central-1",
                "us-east-1");
        assertThat(run.model("global.amazon.nova-2-lite-v1:0", "us-east-1").path("usdPer1000Posts").asText())
                // 1,000 × (37.64 × 0.30 + 5.96 × 2.50) / 1,000,000 = (11.292 + 14.9) / 1,000 = 0.026192.
                .isEqualTo("0.026192");
    }

    @Test
    void aLambdaTestEventIsTakenInAsTheHandlerTakesIt() {
        EstimateRun run = EstimateRun.of(Path.of("..", "test-events", "kinesis-malformed.json").toString(),
                "--region", "us-east-1", "--models", NOVA_MICRO, "--format", "json");

        // test-events/README.md: 20 records, 9 of them valid posts, one of those over the character cap.
        JsonNode sample = run.json().path("sample");
        assertThat(sample.path("records").asInt()).isEqualTo(20);
        assertThat(sample.path("postsToModel").asInt()).isEqualTo(9);
        assertThat(sample.path("invalid").asInt()).isEqualTo(11);
        assertThat(sample.path("truncated").asInt()).isEqualTo(1);
        assertThat(sample.path("calls").asInt()).isEqualTo(1);
    }

    @Test
    void csvHasTheDocumentedColumnsAndQuotesWhatHoldsACommaOrAQuote() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "eu-central-1", "--models",
                NOVA_MICRO + "," + CLAUDE_3_HAIKU, "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("\r\n");
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(fields(lines.get(0))).isEqualTo(COLUMNS);
        List<String> haiku = fields(lines.get(2));
        assertThat(haiku).hasSize(COLUMNS.size());
        assertThat(haiku.get(0)).isEqualTo(CLAUDE_3_HAIKU);
        assertThat(haiku.get(COLUMNS.indexOf("usdPer1000Posts"))).isEmpty();
        assertThat(haiku.get(COLUMNS.indexOf("unpricedReason"))).startsWith("the price table (bundled prices.json)");
        assertThat(lines.get(2)).contains(",\"the price table (bundled prices.json) has no price for");
        assertThat(fields(lines.get(1)).get(COLUMNS.indexOf("usdPer1000Posts"))).isEqualTo("0.00282808");
    }

    @Test
    void jsonHasTheSampleTheAssumptionsAndARowOfTheSameColumnsAModel() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO, "--format",
                "json");

        JsonNode root = run.json();
        assertThat(root.fieldNames()).toIterable().containsExactly("sample", "tokenCounts", "regions", "tier",
                "priceTable", "quotaTable", "models");
        assertThat(root.path("sample").fieldNames()).toIterable().containsExactly("file", "records", "postsToModel",
                "invalid", "repeats", "truncated", "calls", "batchSize", "instructionTokensPerCall", "postLineTokens",
                "answerTokens");
        assertThat(root.path("tokenCounts").asText()).endsWith("Nova's tokenizer is not public");
        assertThat(root.path("models").get(0).fieldNames()).toIterable().containsExactlyElementsOf(COLUMNS);
    }

    @Test
    void aSmallerBatchSharesACallsInstructionsAmongFewerPosts() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", NOVA_MICRO,
                "--batch-size", "10", "--format", "json");

        JsonNode sample = run.json().path("sample");
        assertThat(sample.path("calls").asInt()).isEqualTo(5);
        // The posts' lines are numbered 1 to 10 now, not 1 to 25: fewer two-digit numbers, so the lines count anew.
        long lines = sample.path("postLineTokens").asLong();
        // 66 / 10 + lines / 50.
        assertThat(new BigDecimal(run.model(NOVA_MICRO, "us-east-1").path("inputTokensPerPost").asText()))
                .isEqualByComparingTo(new BigDecimal("6.6").add(BigDecimal.valueOf(lines).divide(BigDecimal.valueOf(50))));
    }

    @Test
    void aMissingSampleNamesTheFile() {
        EstimateRun run = EstimateRun.of(dir.resolve("nope.jsonl").toString(), "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("estimate: file not found: " + dir.resolve("nope.jsonl") + "\n");
    }

    @Test
    void aSampleWithoutPostsSaysWhatToGive() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.jsonl"), "{\"text\": \"no content field\"}\n");

        EstimateRun run = EstimateRun.of(invalid.toString(), "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(invalid + " has no post to send to the model (1 records: 1 invalid, 0 repeats)"
                + ": give a sample of JSON Lines posts with a \"content\" field");
    }

    @Test
    void anUnknownModelListsTheModelsTheTableKnows() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--models", "acme.nothing-v1:0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown model 'acme.nothing-v1:0': the price table (bundled prices.json) has "
                + "no price for it in any Region. Use one of amazon.nova-2-lite-v1:0, amazon.nova-lite-v1:0, "
                + "amazon.nova-micro-v1:0");
    }

    @Test
    void noPostsADayIsAUsageError() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--posts-per-day", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--posts-per-day must be at least 1; was 0");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void calibratingMoreBatchesThanTheSampleMakesIsAUsageError() {
        EstimateRun run = EstimateRun.of(POSTS, "--region", "us-east-1", "--calibrate", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--calibrate 3 needs 3 batches of the sample, which makes 2: give a larger "
                + "sample or a smaller K");
    }

    private static BigDecimal rounded(JsonNode row, String column, int scale) {
        return new BigDecimal(row.path(column).asText()).setScale(scale, RoundingMode.HALF_UP);
    }

    /** One RFC 4180 line's fields. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
