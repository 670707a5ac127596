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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a pipeline finds the price of its calls: the table in force, the billing Region, the routing. */
class PipelinesTest {

    /** Within 90 days of the bundled table's newest price (2026-10-03). */
    private static final Clock FRESH = on("2026-10-10");

    private final JsonLines out = new JsonLines();
    private final EventLog log = new EventLog(out.stream(), EventLog.Format.JSON);

    private static Clock on(String date) {
        return Clock.fixed(LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** Answers like {@link InstantModel} but is billed 1,000 input and 100 output tokens a call. */
    private static SentimentModel billing1000And100(String modelId) {
        InstantModel answers = new InstantModel(modelId);
        return new SentimentModel() {
            @Override
            public String modelId() {
                return modelId;
            }

            @Override
            public ModelReply converse(ModelRequest request, Duration timeout) {
                return new ModelReply(answers.converse(request, timeout).text(),
                        new CallReceipt(new TokenUsage(1000, 100, 0, 0), "end_turn", 1.0, 1L, Attempts.ONE));
            }
        };
    }

    private BigDecimal costOfOneCall(Map<String, String> settings, Map<String, String> env, String modelId) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(env);
        ConsumerConfig config = ConsumerConfig.fromEnvironment(environment);
        try (SentimentPipeline pipeline = Pipelines.create(config, billing1000And100(modelId), log, FRESH)) {
            return pipeline.analyze(List.of(new InputRecord("1", KinesisEvents.post("p1", "a fine day"))))
                    .totals().costUsd();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<JsonNode> events(String event) {
        return out.documents().stream().filter(line -> line.path("event").asText().equals(event)).toList();
    }

    @Test
    void pricesCallsInTheBedrockRegion() {
        BigDecimal cost = costOfOneCall(Map.of("BEDROCK_REGION", "eu-central-1"), Map.of("AWS_REGION", "us-east-1"),
                "amazon.nova-micro-v1:0");

        // 1000 × 0.046 + 100 × 0.184 = 46 + 18.4 micro-dollars: Frankfurt's rates, not us-east-1's
        assertThat(cost).isEqualByComparingTo("0.0000644");
        assertThat(events("unpriced_model")).isEmpty();
    }

    @Test
    void pricesCallsInTheSdksRegionWithoutABedrockRegion() {
        BigDecimal cost = costOfOneCall(Map.of(), Map.of("AWS_REGION", "us-east-1"), "us.amazon.nova-micro-v1:0");

        // 1000 × 0.035 + 100 × 0.14 = 35 + 14 micro-dollars
        assertThat(cost).isEqualByComparingTo("0.000049");
    }

    @Test
    void pricesCallsInTheCliDefaultRegionLast() {
        BigDecimal cost = costOfOneCall(Map.of(), Map.of("AWS_DEFAULT_REGION", "eu-central-1"),
                "eu.amazon.nova-micro-v1:0");

        assertThat(cost).isEqualByComparingTo("0.0000644");
    }

    @Test
    void leavesCallsUnpricedWithAWarningThatNamesTheFixWhenNoRegionIsKnown() {
        BigDecimal cost = costOfOneCall(Map.of(), Map.of(), "amazon.nova-micro-v1:0");

        assertThat(cost).isNull();
        assertThat(events("unpriced_model")).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("modelId").asText()).isEqualTo("amazon.nova-micro-v1:0");
            assertThat(line.path("reason").asText()).contains("set BEDROCK_REGION");
        });
    }

    @Test
    void leavesAProfileFromAnotherGeographyUnpricedAndSaysWhy() {
        BigDecimal cost = costOfOneCall(Map.of("BEDROCK_REGION", "us-east-1"), Map.of(), "eu.amazon.nova-micro-v1:0");

        assertThat(cost).isNull();
        assertThat(events("unpriced_model")).singleElement().satisfies(line -> assertThat(line.path("reason").asText())
                .contains("no price for amazon.nova-micro-v1:0 in us-east-1, geo:eu, default tier"));
    }

    @Test
    void warnsOnceAboutAStalePriceTable(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("prices.json"), """
                {"version": 2, "entries": [{"model": "amazon.nova-micro-v1:0", "region": "us-east-1",
                  "routing": "in-region", "tier": "default", "inputPerMillion": "0.035", "outputPerMillion": "0.14",
                  "source": "test", "asOf": "2026-01-01"}]}
                """);
        ConsumerConfig config = ConsumerConfig.fromEnvironment(
                Map.of("PRICE_TABLE_FILE", table.toString(), "AWS_REGION", "us-east-1"));

        try (SentimentPipeline pipeline = Pipelines.create(config, billing1000And100("amazon.nova-micro-v1:0"), log,
                on("2026-06-01"))) {
            pipeline.analyze(List.of(new InputRecord("1", KinesisEvents.post("p1", "a fine day"))));
        }

        assertThat(events("price_table_stale")).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("priceTable").asText()).isEqualTo(table.toString());
            assertThat(line.path("newestAsOf").asText()).isEqualTo("2026-01-01");
            assertThat(line.path("message").asText()).contains("151 days ago");
        });
    }

    @Test
    void saysNothingOfAFreshPriceTable() {
        costOfOneCall(Map.of(), Map.of("AWS_REGION", "us-east-1"), "amazon.nova-micro-v1:0");

        assertThat(events("price_table_stale")).isEmpty();
    }

    @Test
    void writingResultsToS3KeepsTheirWorstCaseFreeBeforeTheDeadlineToo() {
        ConsumerConfig withoutResults = ConsumerConfig.fromEnvironment(Map.of("DEADLINE_MARGIN_MS", "2000"));
        ConsumerConfig withResults = ConsumerConfig.fromEnvironment(Map.of("DEADLINE_MARGIN_MS", "2000",
                "RESULTS_SINK", "s3", "RESULTS_BUCKET", "results"));

        assertThat(Pipelines.deadlineMargin(withoutResults)).isEqualTo(Duration.ofSeconds(2));
        // Two objects, each within the S3 client's 6 s call timeout.
        assertThat(Pipelines.deadlineMargin(withResults)).isEqualTo(Duration.ofSeconds(14));
    }
}
