package io.sentimentconsumer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** How {@link CloudWatchMetricsPublisher#requests} cuts data into PutMetricData requests. */
class CloudWatchMetricsPublisherRequestsTest {

    private static List<MetricDatum> data(int data, int valuesEach) {
        List<Double> values = Collections.nCopies(valuesEach, 1.0);
        return IntStream.range(0, data)
                .mapToObj(i -> MetricDatum.builder().metricName("Metric" + i).values(values).counts(values).build())
                .toList();
    }

    private static List<MetricDatum> flatten(List<List<MetricDatum>> requests) {
        List<MetricDatum> all = new ArrayList<>();
        requests.forEach(all::addAll);
        return all;
    }

    @Test
    void makesNoRequestOfNoData() {
        assertThat(CloudWatchMetricsPublisher.requests(List.of())).isEmpty();
    }

    @Test
    void putsAFewDataInOneRequest() {
        List<MetricDatum> data = data(30, 6);

        assertThat(CloudWatchMetricsPublisher.requests(data)).containsExactly(data);
    }

    @Test
    void putsAtMostAThousandDataInARequest() {
        List<MetricDatum> data = data(2500, 1);

        List<List<MetricDatum>> requests = CloudWatchMetricsPublisher.requests(data);

        assertThat(requests).extracting(List::size).containsExactly(1000, 1000, 500);
        assertThat(flatten(requests)).isEqualTo(data);
    }

    @Test
    void cutsRequestsAtThePayloadBudget() {
        List<MetricDatum> data = data(500, CloudWatchMetricsPublisher.MAX_VALUES_PER_DATUM);

        List<List<MetricDatum>> requests = CloudWatchMetricsPublisher.requests(data);

        // A datum of 150 values is budgeted at 400 + 150 × 20 = 3,400 bytes: 235 of them fit in 800,000.
        assertThat(requests).extracting(List::size).containsExactly(235, 235, 30);
        assertThat(flatten(requests)).isEqualTo(data);
    }

    @Test
    void sendsADatumOverTheBudgetAloneRatherThanDropIt() {
        List<MetricDatum> data = new ArrayList<>(data(2, 1));
        data.add(1, data(1, 50_000).get(0));

        List<List<MetricDatum>> requests = CloudWatchMetricsPublisher.requests(data);

        assertThat(requests).extracting(List::size).containsExactly(1, 1, 1);
        assertThat(flatten(requests)).isEqualTo(data);
    }
}
