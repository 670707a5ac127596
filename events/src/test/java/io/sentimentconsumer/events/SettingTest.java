package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The defaults the consumer and the CDK app share are values both accept. */
class SettingTest {

    @Test
    void everyIntegerDefaultLiesInItsRange() {
        for (Setting setting : new Setting[] {Setting.BATCH_SIZE, Setting.BEDROCK_CONCURRENCY,
                Setting.MAX_POST_CHARS, Setting.DEADLINE_MARGIN_MS}) {
            assertThat(setting.range().contains(setting.defaultInt())).as(setting.variable()).isTrue();
        }
    }

    @Test
    void aRangeIncludesBothEnds() {
        Setting.Range range = Setting.BATCH_SIZE.range();

        assertThat(range).isEqualTo(new Setting.Range(1, 200));
        assertThat(range.contains(1)).isTrue();
        assertThat(range.contains(200)).isTrue();
        assertThat(range.contains(0)).isFalse();
        assertThat(range.contains(201)).isFalse();
    }

    @Test
    void aTextSettingHasNoRange() {
        assertThatThrownBy(Setting.METRICS_SINK::range)
                .hasMessage("METRICS_SINK is not an integer setting: it has no range");
    }

    @Test
    void aSinkIsSpelledAsTheVariableTakesIt() {
        assertThat(MetricsSink.CLOUDWATCH.id()).isEqualTo("cloudwatch");
        assertThat(MetricsSink.valueOf(Setting.METRICS_SINK.defaultValue().toUpperCase())).isEqualTo(MetricsSink.EMF);
    }

    @Test
    void theResultsSinkIsSpelledAsTheVariableTakesIt() {
        assertThat(ResultsSink.S3.id()).isEqualTo("s3");
        assertThat(ResultsSink.valueOf(Setting.RESULTS_SINK.defaultValue().toUpperCase())).isEqualTo(ResultsSink.NONE);
    }
}
