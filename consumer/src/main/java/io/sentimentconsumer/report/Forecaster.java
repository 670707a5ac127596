package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The month to date and the month-end forecast from daily costs ({@link Forecast#METHOD}). A line rather than a
 * mean, because a consumer's traffic grows or shrinks through a month and a mean of past days lags behind it; its
 * prediction interval widens with the scatter of the days around the line, with fewer days and with more days to
 * go, which is what a reader of the range needs to know.
 */
final class Forecaster {

    /** A line through fewer days has no scatter left to measure (n - 2 degrees of freedom). */
    static final int MIN_DAYS = 3;

    private static final MathContext MC = MathContext.DECIMAL64;

    private Forecaster() {}

    static MonthToDate monthToDate(SortedMap<LocalDate, BigDecimal> daily, LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1);
        BigDecimal complete = sum(daily.subMap(first, asOf));
        BigDecimal today = daily.getOrDefault(asOf, BigDecimal.ZERO);
        return new MonthToDate(asOf, complete.add(today), complete);
    }

    /**
     * @param windowDays the complete days before the report's day to fit the line to, at most; days before the
     *                   source's first day with data are not counted as days without cost
     */
    static Forecast forecast(SortedMap<LocalDate, BigDecimal> daily, MonthToDate month, int windowDays) {
        LocalDate asOf = month.asOf();
        if (daily.isEmpty() || !daily.firstKey().isBefore(asOf)) {
            return new Forecast.Unavailable("no complete day of data before " + asOf
                    + ": a forecast needs " + MIN_DAYS + " (give a longer period, or --as-of a later day)");
        }
        LocalDate from = asOf.minusDays(windowDays);
        if (from.isBefore(daily.firstKey())) {
            from = daily.firstKey();
        }
        int n = (int) ChronoUnit.DAYS.between(from, asOf);
        if (n < MIN_DAYS) {
            return new Forecast.Unavailable("only " + n + " complete day" + (n == 1 ? "" : "s") + " of data before "
                    + asOf + ": a forecast needs " + MIN_DAYS + " (give a longer period, or --as-of a later day)");
        }
        // x is the day's offset from the report's day: -n .. -1 for the window, 0 .. k-1 for the days to come.
        BigDecimal[] x = new BigDecimal[n];
        BigDecimal[] y = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            LocalDate day = from.plusDays(i);
            x[i] = BigDecimal.valueOf(ChronoUnit.DAYS.between(asOf, day));
            y[i] = daily.getOrDefault(day, BigDecimal.ZERO);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal meanX = sum(x).divide(count, MC);
        BigDecimal meanY = sum(y).divide(count, MC);
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal dx = x[i].subtract(meanX, MC);
            sxx = sxx.add(dx.multiply(dx, MC), MC);
            sxy = sxy.add(dx.multiply(y[i].subtract(meanY, MC), MC), MC);
        }
        BigDecimal slope = sxy.divide(sxx, MC);
        BigDecimal intercept = meanY.subtract(slope.multiply(meanX, MC), MC);
        BigDecimal squaredErrors = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal residual = y[i].subtract(intercept.add(slope.multiply(x[i], MC), MC), MC);
            squaredErrors = squaredErrors.add(residual.multiply(residual, MC), MC);
        }
        BigDecimal variance = squaredErrors.divide(BigDecimal.valueOf(n - 2L), MC);

        BigDecimal t = StudentT.t95(n - 2);
        BigDecimal floor = month.costUsd();
        List<Forecast.Day> days = new ArrayList<>();
        BigDecimal through = BigDecimal.ZERO;
        BigDecimal offsetsFromMean = BigDecimal.ZERO;
        for (int j = 0; j < month.remainingDays(); j++) {
            BigDecimal xj = BigDecimal.valueOf(j);
            BigDecimal dx = xj.subtract(meanX, MC);
            BigDecimal cost = intercept.add(slope.multiply(xj, MC), MC).max(BigDecimal.ZERO);
            through = through.add(cost, MC);
            offsetsFromMean = offsetsFromMean.add(dx, MC);
            // One day: Var(y - line) = s^2 (1 + 1/n + (x - mean x)^2 / Sxx).
            BigDecimal dayHalf = half(t, variance, BigDecimal.ONE, count, dx, sxx);
            // m days together: Var = s^2 (m + m^2/n + (sum of (x - mean x))^2 / Sxx).
            BigDecimal sumHalf = half(t, variance, BigDecimal.valueOf(j + 1L), count, offsetsFromMean, sxx);
            days.add(new Forecast.Day(asOf.plusDays(j),
                    new Forecast.Range(cost.subtract(dayHalf, MC).max(BigDecimal.ZERO), cost, cost.add(dayHalf, MC)),
                    new Forecast.Range(
                            month.completeDays().add(through.subtract(sumHalf, MC).max(BigDecimal.ZERO), MC).max(floor),
                            month.completeDays().add(through, MC).max(floor),
                            month.completeDays().add(through.add(sumHalf, MC), MC).max(floor))));
        }
        Forecast.Range monthEnd = days.get(days.size() - 1).monthThrough();
        return new Forecast.Projected(from, asOf.minusDays(1), n, slope, through, monthEnd.low(),
                monthEnd.central(), monthEnd.high(), days);
    }

    /** Student's t times the standard deviation of the sum of m days to come less the line's sum for them. */
    private static BigDecimal half(BigDecimal t, BigDecimal variance, BigDecimal m, BigDecimal n,
                                   BigDecimal offsetsFromMean, BigDecimal sxx) {
        BigDecimal factor = m.add(m.multiply(m, MC).divide(n, MC), MC)
                .add(offsetsFromMean.multiply(offsetsFromMean, MC).divide(sxx, MC), MC);
        return t.multiply(variance.multiply(factor, MC).sqrt(MC), MC);
    }

    private static BigDecimal sum(SortedMap<LocalDate, BigDecimal> days) {
        return days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
        }
        return sum;
    }
}
