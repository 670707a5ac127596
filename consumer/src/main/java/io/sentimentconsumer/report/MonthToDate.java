package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The month of the day a report is as of, so far.
 *
 * @param asOf         "today": the report's last day, counted as not yet complete
 * @param costUsd      the priced cost from the first of the month through {@code asOf}, today's part included
 * @param completeDays the priced cost of the month's days before {@code asOf}
 */
public record MonthToDate(LocalDate asOf, BigDecimal costUsd, BigDecimal completeDays) {

    public LocalDate monthStart() {
        return asOf.withDayOfMonth(1);
    }

    public LocalDate monthEnd() {
        return asOf.withDayOfMonth(asOf.lengthOfMonth());
    }

    /** The days still to come, today included: today's cost is not complete yet. */
    public int remainingDays() {
        return asOf.lengthOfMonth() - asOf.getDayOfMonth() + 1;
    }
}
