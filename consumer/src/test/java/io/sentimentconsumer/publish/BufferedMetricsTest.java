package io.sentimentconsumer.publish;

import static io.sentimentconsumer.publish.Invocations.DIMENSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.events.Metric;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.testing.JsonLines;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's metrics: a minute of measurements in one publication, and a failed one costs no record. */
class BufferedMetricsTest {

    private final JsonLines emf = new JsonLines();
    private final JsonLines log = new JsonLines();
    private final EventLog eventLog = new EventLog(log.stream(), EventLog.Format.JSON);

    @Test
    void publishesWhatItTookOnlyWhenFlushedAllTogetherAndOnce() {
        BufferedMetrics metrics = new BufferedMetrics(new EmfMetricsPublisher(emf.stream(), DIMENSIONS), eventLog);

        assertThat(metrics.take(Invocations.calls(2, 1))).isZero();
        assertThat(metrics.take(List.of(Measurement.of(Metric.BLOCKED_SHARD_RETRIES, 1)))).isZero();
        assertThat(emf.documents()).as("nothing is published before the flush").isEmpty();
        metrics.flush();
        metrics.flush();

        assertThat(emf.documents()).singleElement().satisfies(document -> {
            assertThat(document.path("InputTokens").size()).as("one value per call").isEqualTo(2);
            assertThat(document.path("BlockedShardRetries").asInt()).isEqualTo(1);
        });
        assertThat(metrics.failures()).isZero();
        assertThat(log.documents()).isEmpty();
    }

    @Test
    void aFailedFlushIsLoggedOnceCountedAndDropsItsMeasurements() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("aws.endpointUrlCloudWatch", "http://127.0.0.1:" + closedPort);
        BufferedMetrics metrics;
        try {
            metrics = new BufferedMetrics(new CloudWatchMetricsPublisher(AwsClients.cloudWatch(), DIMENSIONS),
                    eventLog);
        } finally {
            System.clearProperty("aws.endpointUrlCloudWatch");
        }

        metrics.take(List.of(Measurement.of(Metric.BLOCKED_SHARD_RETRIES, 1),
                Measurement.of(Metric.BLOCKED_SHARD_RETRIES, 1), Measurement.of(Metric.INVALID_RECORDS, 3)));
        metrics.flush();
        metrics.flush();
        metrics.close();

        assertThat(log.documents()).singleElement().satisfies(line -> {
            assertThat(line.path("event").asText()).isEqualTo("metrics_failed");
            assertThat(line.path("measurements").asInt()).isEqualTo(3);
            assertThat(line.path("message").asText()).startsWith("Metrics could not be published (")
                    .endsWith("); 3 measurements dropped, records are not affected");
        });
        assertThat(metrics.failures()).isEqualTo(1);
    }
}
