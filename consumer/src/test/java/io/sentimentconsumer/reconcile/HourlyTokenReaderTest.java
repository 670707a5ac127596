package io.sentimentconsumer.reconcile;

import static io.sentimentconsumer.reconcile.TwoModels.H06;
import static io.sentimentconsumer.reconcile.TwoModels.H07;
import static io.sentimentconsumer.reconcile.TwoModels.H09;
import static io.sentimentconsumer.reconcile.TwoModels.H10;
import static io.sentimentconsumer.reconcile.TwoModels.LITE;
import static io.sentimentconsumer.reconcile.TwoModels.LITE_PROFILE;
import static io.sentimentconsumer.reconcile.TwoModels.MICRO;
import static io.sentimentconsumer.reconcile.TwoModels.MICRO_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.testing.FakeCloudWatch;
import io.sentimentconsumer.testing.LocalCloudWatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Reads through a real SDK client from a local CloudWatch that speaks RPC v2 CBOR. */
class HourlyTokenReaderTest {

    private static final ReconcileQuery BOTH_MODELS = new ReconcileQuery(TwoModels.NAMESPACE, TwoModels.ENVIRONMENT,
            List.of(new Target(MICRO, MICRO_PROFILE), new Target(LITE, LITE_PROFILE)), new HourRange(H06, H10));

    /** The two models' hours with data, in the query's model order, then by hour; 08:00 has none. */
    private static final List<HourRow> BOTH_MODELS_ROWS = List.of(
            new HourRow(MICRO, H06, new Comparison(new Side(12_000, 3_000, true), new Side(12_000, 3_000, true), 0)),
            new HourRow(MICRO, H07, new Comparison(new Side(9_900, 2_475, true), new Side(10_000, 2_500, true), 2)),
            new HourRow(MICRO, H09, new Comparison(new Side(8_000, 2_000, true), new Side(8_200, 2_100, true), 3)),
            new HourRow(LITE, H06, new Comparison(new Side(5_000, 1_000, true), Side.NONE, 0)),
            new HourRow(LITE, H07, new Comparison(Side.NONE, new Side(4_000, 800, true), 0)),
            new HourRow(LITE, H09, new Comparison(new Side(7_000, 1_400, true), new Side(7_000, 1_400, true), 0)));

    private FakeCloudWatch cloudWatch;
    private CloudWatchClient client;

    @BeforeEach
    void start() {
        cloudWatch = new FakeCloudWatch();
        client = LocalCloudWatch.client(cloudWatch.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        cloudWatch.close();
    }

    @Test
    void readsEveryHourWithDataOfBothModelsAndLeavesOutTheHoursWithNone() {
        TwoModels.publish(cloudWatch);

        assertThat(new HourlyTokenReader(client).read(BOTH_MODELS)).isEqualTo(BOTH_MODELS_ROWS);
    }

    @Test
    void asksForEverySeriesOfBothModelsInOneRequest() {
        TwoModels.publish(cloudWatch);

        new HourlyTokenReader(client).read(BOTH_MODELS);

        assertThat(cloudWatch.requests()).hasSize(1);
        JsonNode request = cloudWatch.requests().get(0);
        assertThat(request.get("StartTime").asDouble()).isEqualTo(1_796_104_800.0);   // 2026-12-01T06:00:00Z
        assertThat(request.get("EndTime").asDouble()).isEqualTo(1_796_119_200.0);     // 2026-12-01T10:00:00Z
        assertThat(request.get("MetricDataQueries")).hasSize(10).allSatisfy(query -> {
            assertThat(query.get("MetricStat").get("Period").asInt()).isEqualTo(3600);
            assertThat(query.get("MetricStat").get("Stat").asText()).isEqualTo("Sum");
            assertThat(query.get("ReturnData").asBoolean()).isTrue();
        });
        assertThat(request.get("MetricDataQueries")).extracting(query -> query.get("MetricStat").get("Metric")
                        .toString())
                .containsExactlyInAnyOrder(
                        ours("InputTokens", MICRO), ours("OutputTokens", MICRO), ours("AbandonedAttempts", MICRO),
                        bedrock("InputTokenCount", MICRO_PROFILE), bedrock("OutputTokenCount", MICRO_PROFILE),
                        ours("InputTokens", LITE), ours("OutputTokens", LITE), ours("AbandonedAttempts", LITE),
                        bedrock("InputTokenCount", LITE_PROFILE), bedrock("OutputTokenCount", LITE_PROFILE));
    }

    @Test
    void followsNextTokenOneCallPerPageToTheSameRows() {
        TwoModels.publish(cloudWatch);
        // In range: 15 data points of Nova Micro (three hours of four token series, three abandoned attempts) and
        // 8 of Nova Lite: pages of 10, 10 and 3.
        cloudWatch.pageSize(10);

        List<HourRow> rows = new HourlyTokenReader(client).read(BOTH_MODELS);

        assertThat(rows).isEqualTo(BOTH_MODELS_ROWS);
        assertThat(cloudWatch.requests()).extracting(request -> request.path("NextToken").asText(null))
                .containsExactly(null, "10", "20");
        assertThat(cloudWatch.requests()).allSatisfy(request ->
                assertThat(request.get("MetricDataQueries")).hasSize(10));
    }

    @Test
    void readsNothingWhereNeitherSideHasData() {
        assertThat(new HourlyTokenReader(client).read(BOTH_MODELS)).isEmpty();
    }

    @Test
    void failsNamingTheSeriesWhenCloudWatchRefusesIt() {
        TwoModels.publish(cloudWatch);
        cloudWatch.resultStatus("Forbidden");

        assertThatThrownBy(() -> new HourlyTokenReader(client).read(BOTH_MODELS))
                .isInstanceOf(MetricsUnreadable.class)
                .hasMessageStartingWith("CloudWatch could not read SentimentAnalysis/Bedrock InputTokens "
                        + "(Environment=production, ModelId=amazon.nova-micro-v1:0) (Forbidden)")
                .hasMessageEndingWith(": the credentials need cloudwatch:GetMetricData on both namespaces");
    }

    private static String ours(String metric, String model) {
        return "{\"Namespace\":\"SentimentAnalysis/Bedrock\",\"MetricName\":\"" + metric + "\",\"Dimensions\":["
                + "{\"Name\":\"Environment\",\"Value\":\"production\"},{\"Name\":\"ModelId\",\"Value\":\"" + model
                + "\"}]}";
    }

    private static String bedrock(String metric, String profileId) {
        return "{\"Namespace\":\"AWS/Bedrock\",\"MetricName\":\"" + metric + "\",\"Dimensions\":["
                + "{\"Name\":\"ModelId\",\"Value\":\"" + profileId + "\"}]}";
    }
}
