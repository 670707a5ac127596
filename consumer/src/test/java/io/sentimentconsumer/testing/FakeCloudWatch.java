package io.sentimentconsumer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * CloudWatch's GetMetricData on a local WireMock server, as the SDK's client speaks to it: Smithy RPC v2 CBOR, one
 * POST per page, timestamps as CBOR tag 1 (epoch seconds). It holds hourly sums that tests put in, answers each
 * query of a request from them by its metric (namespace, name, exact dimension set), and pages its answer after
 * {@link #pageSize} data points with a NextToken. Only hourly sums exist here: a query for another period or
 * statistic is refused, as a mistake in the request would be.
 */
public final class FakeCloudWatch implements AutoCloseable {

    public static final String GET_METRIC_DATA_PATH =
            "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = new CBORMapper();

    /** A metric as CloudWatch tells metrics apart. */
    private record MetricKey(String namespace, String name, Map<String, String> dimensions) {}

    /** An error answer: the HTTP status and the error's shape name and message. */
    private record Failure(int status, String type, String message) {}

    private final WireMockServer server;
    private final Map<MetricKey, NavigableMap<Instant, Double>> sums = new HashMap<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private int pageSize = 100_800;
    private Failure failure;
    private String resultStatus;

    public FakeCloudWatch() {
        server = new WireMockServer(options().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(post(urlEqualTo(GET_METRIC_DATA_PATH)).willReturn(aResponse().withStatus(200)));
    }

    public String endpoint() {
        return server.baseUrl();
    }

    /** One hourly Sum of a metric with exactly these dimensions. */
    public synchronized FakeCloudWatch sum(String namespace, String metric, Map<String, String> dimensions,
                                           Instant hour, double value) {
        sums.computeIfAbsent(new MetricKey(namespace, metric, Map.copyOf(dimensions)), k -> new TreeMap<>())
                .put(hour, value);
        return this;
    }

    /** Data points per page; more make a NextToken. */
    public synchronized void pageSize(int value) {
        pageSize = value;
    }

    /** Every GetMetricData request from now on fails with this HTTP status, error shape and message. */
    public synchronized void fail(int status, String type, String message) {
        failure = new Failure(status, type, message);
    }

    /** Every query's result from now on carries this StatusCode (InternalError, Forbidden) and no data. */
    public synchronized void resultStatus(String statusCode) {
        resultStatus = statusCode;
    }

    /** The requests received, decoded, in order. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop();
    }

    private synchronized ResponseDefinition answer(byte[] body) throws IOException {
        JsonNode request = CBOR.readTree(body);
        requests.add(request);
        if (failure != null) {
            return error(failure);
        }
        Instant start = instant(request.get("StartTime"));
        Instant end = instant(request.get("EndTime"));
        List<Result> results = new ArrayList<>();
        for (JsonNode query : request.get("MetricDataQueries")) {
            JsonNode stat = query.get("MetricStat");
            if (stat.path("Period").asInt() != 3600 || !stat.path("Stat").asText().equals("Sum")) {
                return error(new Failure(400, "InvalidParameterValueException",
                        "this fake holds hourly sums only; query " + query.get("Id").asText() + " asked for "
                                + stat.path("Stat").asText() + " over " + stat.path("Period").asInt() + " s"));
            }
            NavigableMap<Instant, Double> points = sums.getOrDefault(key(stat.get("Metric")), new TreeMap<>())
                    .subMap(start, true, end, false);
            results.add(new Result(query.get("Id").asText(), new ArrayList<>(points.entrySet())));
        }
        int offset = request.hasNonNull("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
        return ok(page(results, offset));
    }

    /** One query's data points, all of them. */
    private record Result(String id, List<Map.Entry<Instant, Double>> points) {}

    /** The data points from {@code offset} on in the order of the queries, at most a page of them. */
    private byte[] page(List<Result> results, int offset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int total = results.stream().mapToInt(r -> r.points().size()).sum();
        int pageEnd = Math.min(total, offset + pageSize);
        try (CBORGenerator out = (CBORGenerator) CBOR.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayFieldStart("MetricDataResults");
            int first = 0;
            for (Result result : results) {
                int from = Math.max(offset - first, 0);
                int to = Math.min(pageEnd - first, result.points().size());
                first += result.points().size();
                out.writeStartObject();
                out.writeStringField("Id", result.id());
                out.writeStringField("Label", result.id());
                out.writeArrayFieldStart("Timestamps");
                for (int i = from; i < to; i++) {
                    out.writeTag(1);   // epoch-seconds time, as RPC v2 CBOR encodes a timestamp
                    out.writeNumber((double) result.points().get(i).getKey().getEpochSecond());
                }
                out.writeEndArray();
                out.writeArrayFieldStart("Values");
                for (int i = from; i < to; i++) {
                    out.writeNumber(result.points().get(i).getValue());
                }
                out.writeEndArray();
                out.writeStringField("StatusCode", resultStatus != null ? resultStatus
                        : to < result.points().size() ? "PartialData" : "Complete");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("Messages");
            out.writeEndArray();
            if (pageEnd < total) {
                out.writeStringField("NextToken", Integer.toString(pageEnd));
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static MetricKey key(JsonNode metric) {
        Map<String, String> dimensions = new HashMap<>();
        metric.path("Dimensions").forEach(d -> dimensions.put(d.get("Name").asText(), d.get("Value").asText()));
        return new MetricKey(metric.get("Namespace").asText(), metric.get("MetricName").asText(),
                Map.copyOf(dimensions));
    }

    private static Instant instant(JsonNode epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000));
    }

    private static ResponseDefinition ok(byte[] body) {
        return aResponse().withStatus(200)
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withBody(body)
                .build();
    }

    private static ResponseDefinition error(Failure failure) throws IOException {
        return aResponse().withStatus(failure.status())
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withBody(CBOR.writeValueAsBytes(Map.of(
                        "__type", "com.amazonaws.cloudwatch#" + failure.type(),
                        "message", failure.message())))
                .build();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            try {
                return answer(serveEvent.getRequest().getBody());
            } catch (IOException e) {
                throw new UncheckedIOException("GetMetricData request is not CBOR", e);
            }
        }

        @Override
        public String getName() {
            return "fake-cloudwatch";
        }
    }
}
