package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A report, ready to print: the source's figures up to the end of the day it is as of, the month to date, the
 * forecast and, with a budget, its status.
 *
 * @param source a description of where the figures come from, for the reader
 */
public record CostReport(String source, ReportData data, TreeMap<LocalDate, BigDecimal> dailyCost, MonthToDate month,
                         Forecast forecast, Optional<BudgetStatus> budget) {

    /**
     * @param windowDays the complete days the forecast's line is fitted to, at most
     * @param budget     the month's budget in USD, or {@code null}
     */
    public static CostReport of(String source, ReportData data, LocalDate asOf, int windowDays, BigDecimal budget) {
        data.dropFrom(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        TreeMap<LocalDate, BigDecimal> daily = data.dailyCost();
        MonthToDate month = Forecaster.monthToDate(daily, asOf);
        Forecast forecast = Forecaster.forecast(daily, month, windowDays);
        return new CostReport(source, data, daily, month, forecast,
                Optional.ofNullable(budget).map(b -> BudgetStatus.of(b, month, forecast)));
    }

    public List<ReportRow> rows(Grouping grouping) {
        return data.rows(grouping);
    }

    public Tally total() {
        return data.total();
    }

    /** 0, or {@link BudgetStatus#EXIT_OVER} when a budget was given and the forecast is over it. */
    public int exitCode() {
        return budget.filter(BudgetStatus::over).isPresent() ? BudgetStatus.EXIT_OVER : 0;
    }
}
