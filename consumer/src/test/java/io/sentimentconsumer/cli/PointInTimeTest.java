package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointInTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:34:00Z");

    @Test
    void readsNowAgesInstantsAndDays() {
        assertThat(PointInTime.parse("--until", "now", NOW)).isEqualTo(NOW);
        assertThat(PointInTime.parse("--since", "90m", NOW)).isEqualTo(Instant.parse("2026-12-01T09:04:00Z"));
        assertThat(PointInTime.parse("--since", "24h", NOW)).isEqualTo(Instant.parse("2026-11-30T10:34:00Z"));
        assertThat(PointInTime.parse("--since", "7d", NOW)).isEqualTo(Instant.parse("2026-11-24T10:34:00Z"));
        assertThat(PointInTime.parse("--since", "2026-11-01T06:30:00Z", NOW))
                .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(PointInTime.parse("--since", "2026-11-01", NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void namesTheOptionAndTheFormsItTakes() {
        assertThatThrownBy(() -> PointInTime.parse("--since", "yesterday", NOW))
                .hasMessage("--since takes now, an age (90m, 24h, 7d), an instant (2026-12-01T06:00:00Z) or a day "
                        + "(2026-12-01); was 'yesterday'");
    }
}
