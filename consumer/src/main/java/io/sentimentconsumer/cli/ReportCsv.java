package io.sentimentconsumer.cli;

import io.sentimentconsumer.report.CostReport;
import io.sentimentconsumer.report.Forecast;
import io.sentimentconsumer.report.Grouping;
import io.sentimentconsumer.report.MonthToDate;
import io.sentimentconsumer.report.ReportColumns;
import io.sentimentconsumer.report.ReportRow;
import io.sentimentconsumer.report.Tally;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report for finance: one CSV file per grouping ({@code by_hour.csv}, {@code by_day.csv}, {@code by_model.csv},
 * {@code by_region.csv}, {@code by_tier.csv}, {@code total.csv}) with {@link ReportColumns}' columns, and
 * {@code forecast.csv}, one row. Columns are stable: new ones are only ever added at the end (docs/report.md).
 */
final class ReportCsv {

    private ReportCsv() {}

    /** Writes the files into {@code dir}, created if missing; returns them. */
    static List<Path> write(CostReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Grouping grouping : Grouping.values()) {
            Collection<String> header = ReportColumns.of(grouping.column(), new ReportRow("", new Tally())).keySet();
            List<Collection<String>> rows = new ArrayList<>();
            for (ReportRow row : report.rows(grouping)) {
                rows.add(ReportColumns.of(grouping.column(), row).values());
            }
            Path file = dir.resolve(grouping == Grouping.TOTAL ? "total.csv" : "by_" + grouping.column() + ".csv");
            write(file, header, rows);
            written.add(file);
        }
        Map<String, String> forecast = forecastColumns(report);
        Path file = dir.resolve("forecast.csv");
        write(file, forecast.keySet(), List.of(forecast.values()));
        written.add(file);
        return written;
    }

    /** The forecast's one row: the month to date, the range, how it was made, the budget. */
    static Map<String, String> forecastColumns(CostReport report) {
        MonthToDate month = report.month();
        Forecast.Projected projected = report.forecast() instanceof Forecast.Projected p ? p : null;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("as_of", month.asOf().toString());
        row.put("month_start", month.monthStart().toString());
        row.put("month_end", month.monthEnd().toString());
        row.put("month_to_date_usd", month.costUsd().toPlainString());
        row.put("complete_days_usd", month.completeDays().toPlainString());
        row.put("remaining_days", Integer.toString(month.remainingDays()));
        row.put("window_from", projected == null ? null : projected.windowFrom().toString());
        row.put("window_to", projected == null ? null : projected.windowTo().toString());
        row.put("window_days", projected == null ? null : Integer.toString(projected.windowDays()));
        row.put("slope_usd_per_day", projected == null ? null : plain(projected.slopePerDay()));
        row.put("low_usd", projected == null ? null : plain(projected.low()));
        row.put("central_usd", projected == null ? null : plain(projected.central()));
        row.put("high_usd", projected == null ? null : plain(projected.high()));
        row.put("method", Forecast.METHOD);
        row.put("unavailable_reason", report.forecast() instanceof Forecast.Unavailable u ? u.reason() : null);
        row.put("budget_usd", report.budget().map(b -> b.budget().toPlainString()).orElse(null));
        row.put("budget_over", report.budget().map(b -> Boolean.toString(b.over())).orElse(null));
        return row;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void write(Path file, Collection<String> header, List<Collection<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(Csv.line(header));
            for (Collection<String> row : rows) {
                out.write(Csv.line(row));
            }
        }
    }
}
