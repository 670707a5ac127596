package io.sentimentconsumer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month-end forecast on synthetic months whose daily cost is known: bedrock_call lines for days 1 to 20, read
 * back as any export is, and the value the known trend gives for the month compared with the stated range.
 */
class ForecastTest {

    /** December has 31 days: as of the 21st, 11 days are still to come, today included. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);
    /** Scatter around the trend, the same every run: at most 3 cents a day either way. */
    private static final double[] NOISE = {0.02, -0.03, 0.01, 0.03, -0.02, -0.01, 0.02, -0.03, 0.00, 0.01};

    @TempDir
    Path dir;

    /** One call a day at 07:00 UTC costing exactly {@code cost(day)}. */
    private Path month(java.util.function.IntFunction<BigDecimal> cost) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            lines.add(String.format("2026-12-%02dT07:00:00.000Z {\"level\":\"INFO\",\"message\":\"m\",\"event\":"
                    + "\"bedrock_call\",\"modelId\":\"amazon.nova-micro-v1:0\",\"posts\":25,\"inputTokens\":1000,"
                    + "\"outputTokens\":100,\"totalTokens\":1100,\"durationMs\":700.5,\"costUsd\":%s,"
                    + "\"servedTier\":\"default\"}", day, cost.apply(day).toPlainString()));
        }
        Path file = dir.resolve("month.log");
        Files.write(file, lines);
        return file;
    }

    private static CostReport report(Path file, int windowDays) throws IOException {
        return CostReport.of("test", new LogFiles("us-east-1", null).read(List.of(file)), AS_OF, windowDays, null);
    }

    /** 1 dollar plus 10 cents more each day, and the scatter. */
    private static BigDecimal rising(int day) {
        return BigDecimal.valueOf(1.00 + 0.10 * day + NOISE[day % NOISE.length]).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void aRisingMonthLandsInsideTheRangeAroundTheValueItsTrendGives() throws IOException {
        CostReport report = report(month(ForecastTest::rising), 14);

        BigDecimal spent = BigDecimal.ZERO;
        for (int day = 1; day <= 20; day++) {
            spent = spent.add(rising(day));
        }
        BigDecimal toCome = BigDecimal.ZERO;
        for (int day = 21; day <= 31; day++) {
            toCome = toCome.add(BigDecimal.valueOf(1.00 + 0.10 * day));
        }
        BigDecimal known = spent.add(toCome); // 20 days as they were, 11 more on the trend: 70.37 + 39.60

        Forecast.Projected forecast = (Forecast.Projected) report.forecast();
        assertThat(known).isBetween(forecast.low(), forecast.high());
        // Not inside merely because the range is wide: within 3% of a 110-dollar month either way.
        assertThat(forecast.high().subtract(forecast.low())).isLessThan(new BigDecimal("6.60"));
        assertThat(forecast.central().subtract(known).abs()).isLessThan(new BigDecimal("1.00"));
        assertThat(forecast.slopePerDay().doubleValue()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.01));
        assertThat(forecast.windowFrom()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(forecast.windowTo()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(report.month().costUsd()).isEqualByComparingTo(spent);
        assertThat(forecast.days()).hasSize(11);
    }

    @Test
    void aMeanWouldMissTheRisingMonthWhichIsWhyTheForecastIsALine() throws IOException {
        CostReport report = report(month(ForecastTest::rising), 14);
        BigDecimal mean = BigDecimal.ZERO;
        for (int day = 7; day <= 20; day++) {
            mean = mean.add(rising(day));
        }
        mean = mean.divide(BigDecimal.valueOf(14), 10, RoundingMode.HALF_UP);
        BigDecimal byMean = report.month().completeDays().add(mean.multiply(BigDecimal.valueOf(11)));

        assertThat(byMean).isLessThan(((Forecast.Projected) report.forecast()).low());
    }

    @Test
    void aFlatMonthWithoutScatterIsForecastExactlyWithNoRange() throws IOException {
        CostReport report = report(month(day -> new BigDecimal("2.50")), 14);

        Forecast.Projected forecast = (Forecast.Projected) report.forecast();
        // 20 days spent and 11 to come at 2.50.
        assertThat(forecast.central()).isEqualByComparingTo("77.50");
        assertThat(forecast.low()).isEqualByComparingTo("77.50");
        assertThat(forecast.high()).isEqualByComparingTo("77.50");
    }

    @Test
    void withFewerThanThreeCompleteDaysThereIsNoForecastAndTheReportSaysWhy() throws IOException {
        ReportData data = new LogFiles(null, null).read(List.of(month(day -> BigDecimal.ONE)));
        CostReport report = CostReport.of("test", data, LocalDate.of(2026, 12, 3), 14, new BigDecimal("1"));

        assertThat(report.forecast()).isInstanceOf(Forecast.Unavailable.class);
        assertThat(((Forecast.Unavailable) report.forecast()).reason()).contains("only 2 complete days");
        // Without a forecast the budget is held to the month to date: days 1 to 3 at a dollar, over 1.
        assertThat(report.exitCode()).isEqualTo(BudgetStatus.EXIT_OVER);
        assertThat(report.data().notes()).anyMatch(n -> n.contains("17 calls from 2026-12-04T00:00:00Z on left out"));
    }
}
