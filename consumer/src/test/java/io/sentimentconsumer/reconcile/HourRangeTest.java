package io.sentimentconsumer.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourRangeTest {

    @Test
    void coversEveryHourTheTimesOverlap() {
        HourRange range = HourRange.overlapping(Instant.parse("2026-11-30T10:34:00Z"),
                Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(range).isEqualTo(new HourRange(Instant.parse("2026-11-30T10:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z")));
        assertThat(range.hours()).isEqualTo(24);
        assertThat(range.includesHourOf(Instant.parse("2026-12-01T10:34:00Z"))).isFalse();
    }

    @Test
    void takesInTheHourAnEndInsideItBelongsTo() {
        HourRange range = HourRange.overlapping(Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T10:34:00Z"));

        assertThat(range.end()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(range.includesHourOf(Instant.parse("2026-12-01T10:34:00Z"))).isTrue();
    }

    @Test
    void refusesAnEmptyRange() {
        assertThatThrownBy(() -> HourRange.overlapping(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:00:00Z")))
                .hasMessage("no hour from 2026-12-01T10:00:00Z to 2026-12-01T10:00:00Z: --since must be earlier "
                        + "than --until");
    }
}
