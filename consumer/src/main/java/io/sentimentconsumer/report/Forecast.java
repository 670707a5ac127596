package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The month-end cost a report forecasts: a range around a central figure, or why there is none. */
public sealed interface Forecast {

    /** How the forecast is made, in the words the summary, the page and docs/report.md use. */
    String METHOD = "a least-squares line through the daily cost of the last complete days (UTC), carried to the "
            + "month's end (each day at least $0), added to the month's complete days; the range is the line's 90% "
            + "prediction interval for that sum (Student's t)";

    /**
     * @param windowFrom     the first day the line is fitted to
     * @param windowTo       the last: the day before the report's day
     * @param slopePerDay    how much the daily cost changes from one day to the next, by the line
     * @param nextDay        the line's value for today, the first day it forecasts
     * @param remainingCost  the line's sum over the days left, today included
     * @param low            the range's lower end: never below the month to date
     * @param central        the month's complete days plus {@code remainingCost}
     * @param high           the range's upper end, which {@code --budget} is held to
     * @param days           each day to come, today first: the line's value for it and the month's total through it
     */
    record Projected(LocalDate windowFrom, LocalDate windowTo, int windowDays, BigDecimal slopePerDay,
                     BigDecimal remainingCost, BigDecimal low, BigDecimal central, BigDecimal high,
                     List<Day> days) implements Forecast {
        public Projected {
            days = List.copyOf(days);
        }
    }

    /**
     * One day to come: the line's cost for the day alone with its 90% prediction interval, and the month's cost
     * through the day with the interval of that sum (the last day's is the month-end range).
     */
    record Day(LocalDate day, Range cost, Range monthThrough) {}

    /** A 90% prediction interval and the line's value inside it; never below $0 or the month so far. */
    record Range(BigDecimal low, BigDecimal central, BigDecimal high) {}

    record Unavailable(String reason) implements Forecast {}
}
