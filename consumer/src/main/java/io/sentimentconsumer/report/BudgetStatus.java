package io.sentimentconsumer.report;

import java.math.BigDecimal;

/**
 * A month's budget held to the forecast's upper end (the figure a scheduler should act on: the month could cost that
 * much), or, with no forecast, to the month to date.
 *
 * @param over whether the figure is above the budget: {@code report} then exits with {@link #EXIT_OVER}
 */
public record BudgetStatus(BigDecimal budget, BigDecimal figure, String figureName, boolean over) {

    /** The exit code of a report whose forecast (or month to date) is over its budget. */
    public static final int EXIT_OVER = 3;

    static BudgetStatus of(BigDecimal budget, MonthToDate month, Forecast forecast) {
        if (forecast instanceof Forecast.Projected projected) {
            return new BudgetStatus(budget, projected.high(), "the forecast's upper end",
                    projected.high().compareTo(budget) > 0);
        }
        return new BudgetStatus(budget, month.costUsd(), "the month to date (no forecast)",
                month.costUsd().compareTo(budget) > 0);
    }

    public String describe() {
        return (over ? "OVER" : "within") + " budget " + Money.usd(budget) + ": " + figureName + " is "
                + Money.usd(figure);
    }
}
