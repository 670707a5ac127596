package io.sentimentconsumer.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whole hours, {@code start} included and {@code end} left out, both on the hour: CloudWatch sums per hour only
 * over periods that start on the hour when the query does.
 */
public record HourRange(Instant start, Instant end) {

    public HourRange {
        if (!start.equals(floor(start)) || !end.equals(floor(end))) {
            throw new IllegalArgumentException("an hour range starts and ends on the hour; was " + start + " to "
                    + end);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("no hour from " + start + " to " + end
                    + ": --since must be earlier than --until");
        }
    }

    /**
     * Every hour that overlaps {@code since} to {@code until}: the hour {@code since} is in, through the last hour
     * that starts before {@code until}. So {@code 24h} before 10:34 to the start of the current hour is 24 hours.
     */
    public static HourRange overlapping(Instant since, Instant until) {
        return new HourRange(floor(since), ceiling(until));
    }

    /** How many hours. */
    public long hours() {
        return Duration.between(start, end).toHours();
    }

    /** Whether the hour that {@code now} is in, still going, is one of these. */
    public boolean includesHourOf(Instant now) {
        return end.isAfter(floor(now));
    }

    /** The start of the hour {@code instant} is in. */
    public static Instant floor(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private static Instant ceiling(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }
}
