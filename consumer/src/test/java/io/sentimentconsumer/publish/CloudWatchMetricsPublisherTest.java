package io.sentimentconsumer.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.sentimentconsumer.publish.Invocations.DIMENSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentimentconsumer.publish.Invocations.ValuesByMetric;
import io.sentimentconsumer.testing.LocalCloudWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Publishes to a local HTTP server standing in for CloudWatch and reads back what a real SDK client put on the
 * wire. The SDK speaks Smithy RPC v2 CBOR to CloudWatch: one POST per PutMetricData, the input as a CBOR map.
 */
class CloudWatchMetricsPublisherTest {

    private static final String PUT_METRIC_DATA_PATH = "/service/GraniteServiceVersion20100801/operation/PutMetricData";
    /** PutMetricData's payload limit. */
    private static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    private static final CBORMapper CBOR = new CBORMapper();

    @RegisterExtension
    static final WireMockExtension cloudWatch = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private CloudWatchClient client;

    @BeforeEach
    void connect() {
        client = LocalCloudWatch.client(cloudWatch.baseUrl());
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Answers PutMetricData; any other request gets WireMock's 404, which the SDK turns into an exception. */
    private static void answer(ResponseDefinitionBuilder response) {
        cloudWatch.stubFor(post(urlEqualTo(PUT_METRIC_DATA_PATH)).willReturn(response.withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")));
    }

    /** The answer PutMetricData gives on success: its output has no members, so an empty CBOR map. */
    private static void accept() {
        answer(aResponse().withStatus(200).withBody(new byte[] {(byte) 0xA0}));
    }

    private void publish(List<Measurement> measurements) {
        new CloudWatchMetricsPublisher(client, DIMENSIONS).publish(measurements);
    }

    private static List<LoggedRequest> requests() {
        return cloudWatch.findAll(anyRequestedFor(anyUrl()));
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return CBOR.readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not CBOR", e);
        }
    }

    /** Every MetricDatum of every request, in the order sent. */
    private static List<JsonNode> data() {
        List<JsonNode> data = new ArrayList<>();
        requests().forEach(request -> body(request).get("MetricData").forEach(data::add));
        return data;
    }

    /** Per metric name, every value sent, repeated as often as its count says, in ascending order. */
    private static Map<String, List<Double>> delivered(List<JsonNode> data) {
        ValuesByMetric values = new ValuesByMetric();
        for (JsonNode datum : data) {
            JsonNode counts = datum.get("Counts");
            for (int i = 0; i < datum.get("Values").size(); i++) {
                for (int n = 0; n < counts.get(i).asDouble(); n++) {
                    values.add(datum.get("MetricName").asText(), datum.get("Values").get(i).asDouble());
                }
            }
        }
        return values.sorted();
    }

    private static JsonNode datum(String metricName) {
        return data().stream().filter(d -> d.get("MetricName").asText().equals(metricName)).findFirst()
                .orElseThrow(() -> new AssertionError("no datum for " + metricName));
    }

    @Test
    void sendsPutMetricDataAsSignedRpcV2Cbor() {
        accept();

        publish(Invocations.calls(6, 1));

        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo(PUT_METRIC_DATA_PATH);
            assertThat(request.getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/cbor");
            assertThat(request.getHeader("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/")
                    .contains("/us-east-1/monitoring/aws4_request");
        });
    }

    @Test
    void sendsTheConfiguredNamespace() {
        accept();

        publish(Invocations.calls(6, 1));

        assertThat(body(requests().get(0)).get("Namespace").asText()).isEqualTo("SentimentConsumer/Test");
    }

    @Test
    void givesEveryDatumExactlyTheEnvironmentAndModelIdDimensions() {
        accept();

        publish(Invocations.calls(6, 1));

        assertThat(data()).isNotEmpty().allSatisfy(datum -> assertThat(datum.get("Dimensions").toString())
                .isEqualTo("[{\"Name\":\"Environment\",\"Value\":\"staging\"},"
                        + "{\"Name\":\"ModelId\",\"Value\":\"us.amazon.nova-micro-v1:0\"}]"));
    }

    @Test
    void givesEveryDatumItsMetricsUnit() {
        accept();
        List<Measurement> measurements = Invocations.calls(400, 1);

        publish(measurements);

        Set<String> definitions = new TreeSet<>();
        data().forEach(datum -> definitions.add(datum.get("MetricName").asText() + " " + datum.path("Unit").asText()));
        assertThat(definitions).isEqualTo(Invocations.units(measurements))
                .contains("InputTokens Count", "BedrockAPILatency Milliseconds", "BedrockCost None");
    }

    @Test
    void mergesIdenticalValuesIntoOneValueWithItsCount() {
        accept();

        publish(Invocations.calls(3, 0));

        JsonNode inputTokens = datum("InputTokens");
        assertThat(inputTokens.get("Values")).extracting(JsonNode::asDouble).containsExactly(1234.0);
        assertThat(inputTokens.get("Counts")).extracting(JsonNode::asDouble).containsExactly(3.0);
        JsonNode cost = datum("BedrockCost");   // calls 1 and 3 have no cache tokens, call 2 reads 800
        assertThat(cost.get("Values")).extracting(JsonNode::asDouble).containsExactly(0.00012257, 0.00012957);
        assertThat(cost.get("Counts")).extracting(JsonNode::asDouble).containsExactly(2.0, 1.0);
    }

    @Test
    void sendsOneDatumPerMetricWithATimestamp() {
        accept();
        List<Measurement> measurements = Invocations.calls(6, 1);

        publish(measurements);

        assertThat(data()).extracting(datum -> datum.get("MetricName").asText())
                .containsExactlyElementsOf(measurements.stream().map(Measurement::name).distinct().toList());
        assertThat(data()).allSatisfy(datum -> assertThat(datum.get("Timestamp").asDouble()).isPositive());
    }

    @Test
    void sendsANormalInvocationInOneRequestWithEveryValue() {
        accept();
        List<Measurement> measurements = Invocations.calls(6, 1);

        publish(measurements);

        assertThat(requests()).hasSize(1);
        assertThat(delivered(data())).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void splitsAMetricWithManyDistinctValuesIntoData() {
        accept();
        List<Measurement> measurements = Invocations.calls(400, 1);

        publish(measurements);

        assertThat(data()).filteredOn(datum -> datum.get("MetricName").asText().equals("InputTokens"))
                .extracting(datum -> datum.get("Values").size())
                .containsExactly(150, 150, 100);
        assertThat(data()).allSatisfy(datum -> assertThat(datum.get("Values").size())
                .isEqualTo(datum.get("Counts").size())
                .isBetween(1, CloudWatchMetricsPublisher.MAX_VALUES_PER_DATUM));
        assertThat(delivered(data())).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void splitsMoreThanAThousandDataIntoSeveralRequests() {
        accept();
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            measurements.add(new Measurement("Metric" + i, MetricUnit.COUNT, i));
        }

        publish(measurements);

        assertThat(requests()).extracting(request -> body(request).get("MetricData").size())
                .containsExactly(1000, 1000, 500);
        assertThat(delivered(data())).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void splitsRequestsThatWouldExceedThePayloadLimit() {
        accept();
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            measurements.add(new Measurement("BedrockAPILatency", MetricUnit.MILLISECONDS, 100 + i * 0.001));
        }

        publish(measurements);

        // The SDK gzips bodies over 10 KB (Content-Encoding: gzip); WireMock hands them back uncompressed, so this
        // holds each request under the limit even before compression.
        assertThat(requests()).hasSizeGreaterThan(1).allSatisfy(request -> {
            assertThat(request.getBody().length).isLessThan(MAX_PAYLOAD_BYTES);
            assertThat(body(request).get("MetricData").size())
                    .isLessThanOrEqualTo(CloudWatchMetricsPublisher.MAX_DATA_PER_REQUEST);
        });
        assertThat(delivered(data())).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void sendsNothingForNoMeasurements() {
        accept();

        publish(List.of());

        assertThat(requests()).isEmpty();
    }

    @Test
    void failsWhenCloudWatchFails() {
        answer(aResponse().withStatus(500).withBody(new byte[] {(byte) 0xA0}));

        assertThatThrownBy(() -> publish(Invocations.calls(6, 1))).isInstanceOf(AwsServiceException.class);
    }

    @Test
    void failsWhenCloudWatchThrottles() throws IOException {
        answer(aResponse().withStatus(400)
                .withHeader("x-amzn-query-error", "Throttling;Sender")
                .withBody(CBOR.writeValueAsBytes(Map.of(
                        "__type", "com.amazonaws.cloudwatch#ThrottlingException",
                        "message", "Rate exceeded"))));

        assertThatThrownBy(() -> publish(Invocations.calls(6, 1)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
