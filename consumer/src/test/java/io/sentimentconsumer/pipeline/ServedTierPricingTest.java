package io.sentimentconsumer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.InstantModel;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.testing.JsonLines;
import io.sentimentconsumer.testing.KinesisEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each call is priced at the tier its response says served it, which need not be the tier the request asked for;
 * a tier the table does not price, or a tier nobody named for a request that asked for another than the default,
 * leaves the call unpriced.
 */
class ServedTierPricingTest {

    /** A table with Nova Micro's default and flex rates in us-east-1 (the flex figures are this test's own). */
    private static final String TABLE = """
            {"version": 2, "entries": [
              {"model": "amazon.nova-micro-v1:0", "region": "us-east-1", "routing": "in-region", "tier": "default",
               "inputPerMillion": "0.035", "outputPerMillion": "0.14", "source": "test", "asOf": "2026-11-01"},
              {"model": "amazon.nova-micro-v1:0", "region": "us-east-1", "routing": "in-region", "tier": "flex",
               "inputPerMillion": "0.0175", "outputPerMillion": "0.07", "source": "test", "asOf": "2026-11-01"}]}
            """;
    private static final Clock NOW = Clock.fixed(LocalDate.parse("2026-12-01").atStartOfDay()
            .toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final JsonLines out = new JsonLines();
    private final EventLog log = new EventLog(out.stream(), EventLog.Format.JSON);

    /** Bills 1,000 input and 100 output tokens a call, reporting the given tiers call after call. */
    private static SentimentModel servedOn(String... tiers) {
        InstantModel answers = new InstantModel("amazon.nova-micro-v1:0");
        Iterator<String> next = new ArrayList<>(List.of(tiers)).iterator();
        return new SentimentModel() {
            @Override
            public String modelId() {
                return "amazon.nova-micro-v1:0";
            }

            @Override
            public synchronized ModelReply converse(ModelRequest request, Duration timeout) {
                String tier = next.next();
                return new ModelReply(answers.converse(request, timeout).text(), new CallReceipt(
                        new TokenUsage(1000, 100, 0, 0), "end_turn", 1.0, 1L, Attempts.ONE,
                        tier.equals("-") ? null : tier));
            }
        };
    }

    /** Runs one batch per tier (batch size 1) and returns the report. */
    private InvocationReport run(String askedTier, String... servedTiers) throws Exception {
        Path table = Files.writeString(dir.resolve("prices.json"), TABLE);
        ConsumerConfig config = ConsumerConfig.fromEnvironment(Map.of("PRICE_TABLE_FILE", table.toString(),
                "BEDROCK_REGION", "us-east-1", "BEDROCK_SERVICE_TIER", askedTier, "BATCH_SIZE", "1",
                "BEDROCK_CONCURRENCY", "1"));
        List<InputRecord> records = new ArrayList<>();
        for (int i = 0; i < servedTiers.length; i++) {
            records.add(new InputRecord(String.valueOf(i + 1), KinesisEvents.post("p" + i, "a fine day " + i)));
        }
        try (SentimentPipeline pipeline = Pipelines.create(config, servedOn(servedTiers), log, NOW)) {
            return pipeline.analyze(records);
        }
    }

    private List<JsonNode> calls() {
        return out.documents().stream().filter(l -> l.path("event").asText().equals("bedrock_call")).toList();
    }

    @Test
    void aCallServedOnFlexIsPricedAtTheFlexRateAndSaysSo() throws Exception {
        InvocationReport report = run("flex", "flex");

        // 1000 × 0.0175 + 100 × 0.07 = 17.5 + 7 micro-dollars
        assertThat(report.totals().costUsd()).isEqualByComparingTo("0.0000245");
        JsonNode line = calls().get(0);
        assertThat(line.path("servedTier").asText()).isEqualTo("flex");
        assertThat(line.path("message").asText()).endsWith(", Estimated cost: $0.000025, Service tier: flex");
    }

    @Test
    void aFlexRequestServedOnTheDefaultTierIsPricedAtTheDefaultRate() throws Exception {
        InvocationReport report = run("flex", "default");

        // 1000 × 0.035 + 100 × 0.14 = 35 + 14 micro-dollars
        assertThat(report.totals().costUsd()).isEqualByComparingTo("0.000049");
        assertThat(calls().get(0).path("servedTier").asText()).isEqualTo("default");
        assertThat(calls().get(0).path("message").asText()).endsWith("Estimated cost: $0.000049");
    }

    @Test
    void aDefaultRequestWhoseResponseNamesNoTierIsPricedAtTheDefaultRateWithTheSeedsLine() throws Exception {
        InvocationReport report = run("default", "-");

        assertThat(report.totals().costUsd()).isEqualByComparingTo("0.000049");
        assertThat(calls().get(0).path("servedTier").asText()).isEqualTo("default");
        assertThat(calls().get(0).path("message").asText()).isEqualTo("Bedrock API token usage: Input tokens: 1000, "
                + "Output tokens: 100, Total tokens: 1100, Posts analyzed: 1, Tokens per post: 1100.00, Duration: "
                + "1.00ms, Estimated cost: $0.000049");
    }

    @Test
    void aTierTheTableDoesNotPriceLeavesTheCallUnpriced() throws Exception {
        InvocationReport report = run("flex", "priority");

        assertThat(report.totals().costUsd()).isNull();
        assertThat(report.totals().unpricedCalls()).isEqualTo(1);
        assertThat(calls().get(0).path("costUsd").isNull()).isTrue();
        assertThat(calls().get(0).path("message").asText()).endsWith("Estimated cost: unpriced, Service tier: priority");
    }

    @Test
    void aFlexRequestWhoseResponseNamesNoTierIsUnpricedNotGuessed() throws Exception {
        InvocationReport report = run("flex", "-");

        assertThat(report.totals().costUsd()).isNull();
        assertThat(calls().get(0).path("servedTier").isNull()).isTrue();
        assertThat(calls().get(0).path("message").asText()).endsWith("Estimated cost: unpriced, Service tier: unknown");
    }

    @Test
    void theTotalsBreakTheCallsDownByTheTierThatServedThem() throws Exception {
        InvocationReport report = run("flex", "flex", "default", "flex", "-");

        var byTier = report.totals().byTier();
        assertThat(byTier).containsOnlyKeys("default", "flex", "unknown");
        assertThat(byTier.get("flex").apiCalls()).isEqualTo(2);
        assertThat(byTier.get("flex").costUsd()).isEqualByComparingTo("0.000049");
        assertThat(byTier.get("flex").usage().inputTokens()).isEqualTo(2000);
        assertThat(byTier.get("default").costUsd()).isEqualByComparingTo("0.000049");
        assertThat(byTier.get("unknown").costUsd()).isNull();
        assertThat(byTier.get("unknown").unpricedCalls()).isEqualTo(1);
        assertThat(report.totals().costUsd()).isNull();
    }
}
