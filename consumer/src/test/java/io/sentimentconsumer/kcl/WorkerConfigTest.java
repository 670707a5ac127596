package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's settings: documented defaults, SUMMARY_INTERVAL read once, options in place of defaults. */
class WorkerConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        WorkerConfig config = WorkerConfig.builder("posts").variables(Map.of()).build();

        assertThat(config.streamName()).isEqualTo("posts");
        assertThat(config.applicationName()).isEqualTo("sentiment-consumer-posts");
        assertThat(config.workerId()).matches(".+-[0-9a-f]{8}");
        assertThat(config.fanOut()).isFalse();
        assertThat(config.kclMetrics()).isFalse();
        assertThat(config.summaryInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.metricsInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(config.tuning()).isNull();
    }

    @Test
    void twoWorkersOnOneHostGetDifferentIds() {
        assertThat(WorkerConfig.builder("posts").build().workerId())
                .isNotEqualTo(WorkerConfig.builder("posts").build().workerId());
    }

    @Test
    void readsTheSummaryIntervalInSecondsOrMilliseconds() {
        assertThat(summaryInterval("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(summaryInterval("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(summaryInterval(" 500MS ")).isEqualTo(Duration.ofMillis(500));
        assertThat(summaryInterval(" ")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void namesTheVariableWhenTheSummaryIntervalIsWrong() {
        assertThatThrownBy(() -> summaryInterval("0"))
                .hasMessage("SUMMARY_INTERVAL must be a positive number of seconds (60, 60s or 500ms); was '0'");
        assertThatThrownBy(() -> summaryInterval("1m"))
                .hasMessage("SUMMARY_INTERVAL must be a positive number of seconds (60, 60s or 500ms); was '1m'");
    }

    @Test
    void optionsReplaceTheDefaults() {
        WorkerConfig config = WorkerConfig.builder("posts").applicationName("fleet").workerId("w1").fanOut(true)
                .kclMetrics(true).backoffInitial(Duration.ofMillis(100)).backoffMax(Duration.ofSeconds(5))
                .tuning(new WorkerConfig.Tuning(2000)).build();

        assertThat(config).isEqualTo(new WorkerConfig("posts", "fleet", "w1", true, true, Duration.ofSeconds(60),
                Duration.ofSeconds(60), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
                new WorkerConfig.Tuning(2000)));
    }

    @Test
    void aBackoffCapBelowItsFirstWaitIsRefused() {
        assertThatThrownBy(() -> WorkerConfig.builder("posts").backoffMax(Duration.ofMillis(500)).build())
                .hasMessage("backoff needs 0 < initial <= max; was PT1S, PT0.5S");
    }

    private static Duration summaryInterval(String value) {
        return WorkerConfig.builder("posts").variables(Map.of("SUMMARY_INTERVAL", value)).build().summaryInterval();
    }
}
