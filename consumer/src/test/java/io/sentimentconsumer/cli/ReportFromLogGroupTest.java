package io.sentimentconsumer.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.report.InsightsQuery;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code report --log-group} through the real SDK client against CloudWatch Logs' JSON 1.1 protocol on a local
 * WireMock: StartQuery, GetQueryResults polled until Complete, and the rows a Logs Insights query of ours returns.
 */
class ReportFromLogGroupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "X-Amz-Target";
    private static final String START_QUERY = "Logs_20140328.StartQuery";
    private static final String GET_QUERY_RESULTS = "Logs_20140328.GetQueryResults";
    private static final String STOP_QUERY = "Logs_20140328.StopQuery";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final WireMockServer logs = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        logs.start();
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(START_QUERY))
                .willReturn(json("{\"queryId\":\"q-1\"}")));
    }

    @AfterEach
    void stop() {
        logs.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** The command handed a client of the real SDK that reaches the WireMock, and a fixed clock. */
    private Consumer<ReportCommand> onWireMock() {
        return command -> {
            command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            command.logsClient = region -> CloudWatchLogsClient.builder()
                    .endpointOverride(URI.create(logs.baseUrl()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                    .httpClientBuilder(AwsClients.httpClient())
                    .build();
        };
    }

    /** A row as Logs Insights returns it: field and value pairs, numbers as text. */
    private static ArrayNode row(Map<String, String> fields) {
        ArrayNode row = JSON.createArrayNode();
        fields.forEach((field, value) -> row.addObject().put("field", field).put("value", value));
        return row;
    }

    private static String results(String status, List<ArrayNode> rows) {
        ObjectNode body = JSON.createObjectNode().put("status", status);
        rows.forEach(body.putArray("results")::add);
        body.putObject("statistics").put("recordsMatched", 12.0).put("recordsScanned", 5000.0)
                .put("bytesScanned", 2_500_000_000.0);
        return body.toString();
    }

    /**
     * Three call rows (one of an unpriced model) and two summary rows over two hours, added up by hand below: calls
     * 4 + 2 + 1, total tokens 4600 + 2300 + 1150, cost 0.00023 + 0.00006; outcomes from the summaries alone.
     */
    private static final List<ArrayNode> ROWS = List.of(
            row(Map.ofEntries(Map.entry("hour", "2026-11-19 09:00:00.000"), Map.entry("event", "bedrock_call"),
                    Map.entry("modelId", "amazon.nova-micro-v1:0"), Map.entry("tier", "default"),
                    Map.entry("lines", "4"), Map.entry("posts", "100"), Map.entry("inputTokens", "4000"),
                    Map.entry("outputTokens", "600"), Map.entry("cacheReadInputTokens", "0"),
                    Map.entry("cacheWriteInputTokens", "0"), Map.entry("totalTokens", "4600"),
                    Map.entry("costUsd", "0.00023"), Map.entry("pricedCalls", "4"), Map.entry("p50", "700"),
                    Map.entry("p90", "900"), Map.entry("p99", "950"))),
            row(Map.ofEntries(Map.entry("hour", "2026-11-19 10:00:00.000"), Map.entry("event", "bedrock_call"),
                    Map.entry("modelId", "amazon.nova-micro-v1:0"), Map.entry("tier", "flex"),
                    Map.entry("lines", "2"), Map.entry("posts", "50"), Map.entry("inputTokens", "2000"),
                    Map.entry("outputTokens", "300"), Map.entry("cacheReadInputTokens", "0"),
                    Map.entry("cacheWriteInputTokens", "0"), Map.entry("totalTokens", "2300"),
                    Map.entry("costUsd", "0.00006"), Map.entry("pricedCalls", "2"), Map.entry("p50", "1500"),
                    Map.entry("p90", "2500"), Map.entry("p99", "2600"))),
            row(Map.ofEntries(Map.entry("hour", "2026-11-19 10:00:00.000"), Map.entry("event", "bedrock_call"),
                    Map.entry("modelId", "us.amazon.nova-lite-v1:0"), Map.entry("tier", "default"),
                    Map.entry("lines", "1"), Map.entry("posts", "25"), Map.entry("inputTokens", "1000"),
                    Map.entry("outputTokens", "150"), Map.entry("totalTokens", "1150"), Map.entry("pricedCalls", "0"),
                    Map.entry("p50", "800"), Map.entry("p90", "800"), Map.entry("p99", "800"))),
            row(Map.ofEntries(Map.entry("hour", "2026-11-19 09:00:00.000"), Map.entry("event", "invocation_summary"),
                    Map.entry("modelId", "amazon.nova-micro-v1:0"), Map.entry("tier", "-"), Map.entry("lines", "2"),
                    Map.entry("inputTokens", "4000"), Map.entry("recordsIn", "150"), Map.entry("scored", "140"),
                    Map.entry("positive", "80"), Map.entry("negative", "40"), Map.entry("neutral", "20"),
                    Map.entry("unscored", "5"), Map.entry("invalid", "3"), Map.entry("handedBack", "2"),
                    Map.entry("throttles", "4"), Map.entry("abandonedAttempts", "1"))),
            row(Map.ofEntries(Map.entry("hour", "2026-11-19 10:00:00.000"), Map.entry("event", "worker_summary"),
                    Map.entry("modelId", "us.amazon.nova-lite-v1:0"), Map.entry("tier", "-"), Map.entry("lines", "1"),
                    Map.entry("recordsIn", "25"), Map.entry("scored", "25"), Map.entry("positive", "10"),
                    Map.entry("negative", "10"), Map.entry("neutral", "5"), Map.entry("unscored", "0"),
                    Map.entry("invalid", "0"), Map.entry("handedBack", "0"), Map.entry("throttles", "0"),
                    Map.entry("abandonedAttempts", "0"))));

    @Test
    void theQueryRunsServerSideAndItsRowsAddUp() throws Exception {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(GET_QUERY_RESULTS))
                .inScenario("query").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(results("Running", List.of()))).willSetStateTo("done"));
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(GET_QUERY_RESULTS))
                .inScenario("query").whenScenarioStateIs("done").willReturn(json(results("Complete", ROWS))));

        ReportRun run = ReportRun.of(onWireMock(), "--log-group", "/aws/lambda/sentiment", "--since", "30d",
                "--as-of", "2026-11-19", "--poll-interval", "PT0.01S", "--csv", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        long end = Instant.parse("2026-11-19T23:59:59Z").getEpochSecond();
        logs.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(START_QUERY))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withRequestBody(matchingJsonPath("$.logGroupNames[0]", equalTo("/aws/lambda/sentiment")))
                .withRequestBody(matchingJsonPath("$.queryString", equalTo(InsightsQuery.text())))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("10000")))
                .withRequestBody(matchingJsonPath("$.endTime", equalTo(Long.toString(end))))
                .withRequestBody(matchingJsonPath("$.startTime", equalTo(Long.toString(end - 30 * 86_400)))));
        logs.verify(2, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(GET_QUERY_RESULTS))
                .withRequestBody(matchingJsonPath("$.queryId", equalTo("q-1"))));

        Map<String, String> total = ReportRun.csv(dir.resolve("total.csv")).get(0);
        assertThat(total).containsEntry("calls", "7").containsEntry("unpriced_calls", "1")
                .containsEntry("posts", "175").containsEntry("input_tokens", "7000")
                .containsEntry("output_tokens", "1050").containsEntry("total_tokens", "8050")
                .containsEntry("records_in", "175").containsEntry("scored", "165").containsEntry("unscored", "5")
                .containsEntry("invalid", "3").containsEntry("handed_back", "2").containsEntry("throttles", "4")
                .containsEntry("abandoned_attempts", "1")
                // Each row's percentiles are Insights' own; across rows only their largest bounds the pooled one.
                .containsEntry("duration_ms_p50", "1500").containsEntry("duration_ms_p99", "2600")
                .containsEntry("duration_percentiles", "upper_bound");
        assertThat(new java.math.BigDecimal(total.get("cost_usd"))).isEqualByComparingTo("0.00029");
        Map<String, String> nineOClock = ReportRun.csv(dir.resolve("by_hour.csv")).get(0);
        assertThat(nineOClock).containsEntry("hour", "2026-11-19T09:00Z").containsEntry("duration_ms_p50", "700")
                .containsEntry("duration_percentiles", "exact").containsEntry("usd_per_1000_posts", "0.0023000000");
        assertThat(ReportRun.csv(dir.resolve("by_region.csv"))).extracting(r -> r.get("region"))
                .containsExactly("us-east-1");
        // 2.5 GB scanned at $0.005 per GB.
        assertThat(run.out()).contains("Logs Insights scanned 2500.0 MB of /aws/lambda/sentiment")
                .contains("about $0.012500 at $0.005 per GB");
    }

    @Test
    void aQueryThatDoesNotCompleteInTimeIsStoppedAndTheErrorNamesTheFix() {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(GET_QUERY_RESULTS))
                .willReturn(json(results("Running", List.of()))));
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(STOP_QUERY))
                .willReturn(json("{\"success\":true}")));

        ReportRun run = ReportRun.of(onWireMock(), "--log-group", "/aws/lambda/sentiment", "--as-of", "2026-11-19",
                "--poll-interval", "PT0.01S", "--query-timeout", "PT0.2S");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("did not complete within").contains("give a shorter --since");
        logs.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(STOP_QUERY))
                .withRequestBody(matchingJsonPath("$.queryId", equalTo("q-1"))));
    }

    @Test
    void aFailedQueryIsAnErrorNotAnEmptyReport() {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo(GET_QUERY_RESULTS))
                .willReturn(json(results("Failed", List.of()))));

        ReportRun run = ReportRun.of(onWireMock(), "--log-group", "/aws/lambda/sentiment", "--as-of", "2026-11-19",
                "--poll-interval", "PT0.01S");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the Logs Insights query q-1 ended Failed");
    }
}
