package io.sentimentconsumer.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time as an operator types it: {@code now}, an age ({@code 90m}, {@code 24h}, {@code 7d}: that long before now),
 * an instant ({@code 2026-12-01T06:00:00Z}) or a day ({@code 2026-12-01}: its midnight, UTC).
 */
final class PointInTime {

    private static final Pattern AGE = Pattern.compile("(\\d+)([mhd])");

    private PointInTime() {}

    static Instant parse(String option, String value, Instant now) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("now")) {
            return now;
        }
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            return now.minus(switch (age.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes now, an age (90m, 24h, 7d), an instant "
                    + "(2026-12-01T06:00:00Z) or a day (2026-12-01); was '" + value + "'", e);
        }
    }
}
