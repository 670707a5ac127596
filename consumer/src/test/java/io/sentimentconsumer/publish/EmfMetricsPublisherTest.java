package io.sentimentconsumer.publish;

import static io.sentimentconsumer.publish.Invocations.DIMENSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.publish.Invocations.ValuesByMetric;
import io.sentimentconsumer.testing.JsonLines;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EmfMetricsPublisherTest {

    /** EMF's limits per document: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html */
    private static final int EMF_MAX_METRICS = 100;
    private static final int EMF_MAX_VALUES = 100;

    private final JsonLines out = new JsonLines();

    private List<JsonNode> publish(List<Measurement> measurements) throws Exception {
        new EmfMetricsPublisher(out.stream(), DIMENSIONS).publish(measurements);
        return out.documents();
    }

    private static JsonNode directive(JsonNode document) {
        return document.get("_aws").get("CloudWatchMetrics").get(0);
    }

    /** Per metric name, its values over all documents in ascending order; a single value may be a bare number. */
    private static Map<String, List<Double>> values(List<JsonNode> documents) {
        ValuesByMetric values = new ValuesByMetric();
        for (JsonNode document : documents) {
            for (JsonNode metric : directive(document).get("Metrics")) {
                String name = metric.get("Name").asText();
                JsonNode value = document.get(name);
                if (value.isArray()) {
                    value.forEach(v -> values.add(name, v.doubleValue()));
                } else {
                    values.add(name, value.doubleValue());
                }
            }
        }
        return values.sorted();
    }

    @Test
    void writesOneDocumentForANormalInvocation() throws Exception {
        assertThat(publish(Invocations.calls(6, 1))).hasSize(1);
    }

    @Test
    void writesTheConfiguredNamespace() throws Exception {
        assertThat(publish(Invocations.calls(6, 1)))
                .allSatisfy(document -> assertThat(directive(document).get("Namespace").asText())
                        .isEqualTo("SentimentConsumer/Test"));
    }

    @Test
    void usesExactlyTheEnvironmentAndModelIdDimensions() throws Exception {
        List<JsonNode> documents = publish(Invocations.calls(6, 1));

        assertThat(documents).isNotEmpty().allSatisfy(document -> {
            assertThat(document.get("_aws").get("CloudWatchMetrics")).hasSize(1);
            assertThat(directive(document).get("Dimensions").toString()).isEqualTo("[[\"Environment\",\"ModelId\"]]");
            assertThat(document.get("Environment").asText()).isEqualTo("staging");
            assertThat(document.get("ModelId").asText()).isEqualTo("us.amazon.nova-micro-v1:0");
            // The library's default dimensions would break the documented get-metric-statistics query.
            assertThat(document.toString()).doesNotContain("ServiceName", "ServiceType", "LogGroup", "\"Service\"");
        });
    }

    @Test
    void givesEveryMetricItsUnitInEveryDocument() throws Exception {
        List<Measurement> measurements = Invocations.calls(150, 3);

        List<JsonNode> documents = publish(measurements);

        Set<String> definitions = new TreeSet<>();
        documents.forEach(document -> directive(document).get("Metrics")
                .forEach(metric -> definitions.add(metric.get("Name").asText() + " " + metric.path("Unit").asText())));
        assertThat(definitions).isEqualTo(Invocations.units(measurements))
                .contains("InputTokens Count", "BedrockAPILatency Milliseconds", "BedrockCost None",
                        "HandedBackRecords Count");
    }

    @Test
    void writesEveryValueOfAPerCallMetricAsAnArray() throws Exception {
        List<JsonNode> documents = publish(Invocations.calls(6, 1));

        JsonNode document = documents.get(0);
        assertThat(document.get("InputTokens").isArray()).isTrue();
        assertThat(document.get("InputTokens")).extracting(JsonNode::doubleValue)
                .containsExactly(1234.0, 1235.0, 1236.0, 1237.0, 1238.0, 1239.0);
        assertThat(document.get("BedrockCost")).extracting(JsonNode::doubleValue)
                .first().isEqualTo(0.00012257);
        assertThat(document.get("PositivePosts").doubleValue()).isEqualTo(12.0);
        assertThat(document.get("HandedBackRecords").doubleValue()).isEqualTo(2.0);
    }

    @Test
    void writesEveryValueItWasGiven() throws Exception {
        List<Measurement> measurements = Invocations.calls(6, 1);

        assertThat(values(publish(measurements))).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void losesNoValueWhenAMetricHasMoreValuesThanOneDocumentHolds() throws Exception {
        List<Measurement> measurements = Invocations.calls(150, 3);

        List<JsonNode> documents = publish(measurements);

        assertThat(documents).hasSizeGreaterThan(1);
        Map<String, List<Double>> published = values(documents);
        assertThat(published.get("InputTokens")).hasSize(150);
        assertThat(published.get("InputTokens").stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(150 * 1234 + 3 * (149 * 150 / 2.0));
        assertThat(published).isEqualTo(Invocations.values(measurements));
    }

    @Test
    void writesValidEmfDocuments() throws Exception {
        List<JsonNode> documents = publish(Invocations.calls(150, 3));

        assertThat(documents).allSatisfy(document -> {
            JsonNode aws = document.get("_aws");
            assertThat(aws.get("Timestamp").isIntegralNumber()).as("_aws.Timestamp in epoch milliseconds").isTrue();
            assertThat(aws.get("Timestamp").asLong()).isPositive();
            JsonNode directive = directive(document);
            Set<String> metricNames = new HashSet<>();
            directive.get("Metrics").forEach(metric -> {
                String name = metric.get("Name").asText();
                assertThat(metricNames.add(name)).as("%s defined once per document", name).isTrue();
                JsonNode value = document.get(name);
                assertThat(value).as("root value of %s", name).isNotNull();
                if (value.isArray()) {
                    assertThat(value).isNotEmpty().hasSizeLessThanOrEqualTo(EMF_MAX_VALUES)
                            .allSatisfy(v -> assertThat(v.isNumber()).isTrue());
                } else {
                    assertThat(value.isNumber()).as("value of %s", name).isTrue();
                }
            });
            assertThat(metricNames).hasSizeLessThanOrEqualTo(EMF_MAX_METRICS);
            Set<String> rootKeys = new HashSet<>();
            document.fieldNames().forEachRemaining(rootKeys::add);
            Set<String> expectedKeys = new HashSet<>(metricNames);
            expectedKeys.addAll(List.of("_aws", "Environment", "ModelId"));
            assertThat(rootKeys).isEqualTo(expectedKeys);
        });
    }

    @Test
    void failsWhenTheStreamCannotBeWritten() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        });
        EmfMetricsPublisher publisher = new EmfMetricsPublisher(broken, DIMENSIONS);

        assertThatThrownBy(() -> publisher.publish(Invocations.calls(1, 0))).isInstanceOf(IOException.class);
    }
}
