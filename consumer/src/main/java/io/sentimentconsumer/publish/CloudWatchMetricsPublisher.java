package io.sentimentconsumer.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Publishes with PutMetricData in as few requests as the API allows: one datum per metric holding all its values
 * as {@code Values}/{@code Counts} (at most 150 distinct values per datum), at most 1,000 data and well under the
 * 1 MB payload limit per request. A normal invocation is one request.
 */
public final class CloudWatchMetricsPublisher implements MetricsPublisher, AutoCloseable {

    static final int MAX_VALUES_PER_DATUM = 150;
    static final int MAX_DATA_PER_REQUEST = 1000;
    /** Payload budget per request; the API allows 1 MB. */
    static final int MAX_REQUEST_BYTES = 800_000;
    /** Upper bounds of a datum's encoded size: name, unit, timestamp and dimensions, then each value and count. */
    private static final int DATUM_OVERHEAD_BYTES = 400;
    private static final int BYTES_PER_VALUE = 20;

    private final CloudWatchClient cloudWatch;
    private final MetricDimensions dimensions;

    public CloudWatchMetricsPublisher(CloudWatchClient cloudWatch, MetricDimensions dimensions) {
        this.cloudWatch = cloudWatch;
        this.dimensions = dimensions;
    }

    @Override
    public void publish(List<Measurement> measurements) {
        for (List<MetricDatum> request : requests(data(measurements, Instant.now()))) {
            cloudWatch.putMetricData(r -> r.namespace(dimensions.namespace()).metricData(request));
        }
    }

    static List<List<MetricDatum>> requests(List<MetricDatum> data) {
        List<List<MetricDatum>> requests = new ArrayList<>();
        List<MetricDatum> current = new ArrayList<>();
        int bytes = 0;
        for (MetricDatum datum : data) {
            int size = DATUM_OVERHEAD_BYTES + BYTES_PER_VALUE * datum.values().size();
            if (!current.isEmpty() && (current.size() == MAX_DATA_PER_REQUEST || bytes + size > MAX_REQUEST_BYTES)) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(datum);
            bytes += size;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    @Override
    public void close() {
        cloudWatch.close();
    }

    List<MetricDatum> data(List<Measurement> measurements, Instant timestamp) {
        List<Dimension> dims = List.of(
                Dimension.builder().name("Environment").value(dimensions.environment()).build(),
                Dimension.builder().name("ModelId").value(dimensions.modelId()).build());
        // Per metric, each distinct value with how often it occurred, in first-seen metric order.
        Map<String, MetricUnit> units = new LinkedHashMap<>();
        Map<String, TreeMap<Double, Double>> counts = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            units.putIfAbsent(m.name(), m.unit());
            counts.computeIfAbsent(m.name(), k -> new TreeMap<>()).merge(m.value(), 1.0, Double::sum);
        }
        List<MetricDatum> data = new ArrayList<>();
        counts.forEach((name, valueCounts) -> {
            List<Double> values = new ArrayList<>(valueCounts.keySet());
            List<Double> times = new ArrayList<>(valueCounts.values());
            for (int from = 0; from < values.size(); from += MAX_VALUES_PER_DATUM) {
                int to = Math.min(values.size(), from + MAX_VALUES_PER_DATUM);
                data.add(MetricDatum.builder()
                        .metricName(name)
                        .dimensions(dims)
                        .unit(StandardUnit.fromValue(units.get(name).cloudWatchName()))
                        .timestamp(timestamp)
                        .values(values.subList(from, to))
                        .counts(times.subList(from, to))
                        .build());
            }
        });
        return data;
    }
}
