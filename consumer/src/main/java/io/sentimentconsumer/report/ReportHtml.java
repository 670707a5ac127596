package io.sentimentconsumer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A report as one self-contained HTML page: the summary, six charts drawn by ECharts and a table of the totals.
 * The chart library is inlined from its WebJar on the class path and the figures from the report, so the page loads
 * nothing: its Content-Security-Policy allows no fetch at all, which makes any attempt fail loudly in the console.
 */
public final class ReportHtml {

    /** The charts, by element id, in the order the page shows them, with their titles. */
    public static final Map<String, String> CHARTS = charts();

    private static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:";
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final List<String> TABLE_COLUMNS = List.of("calls", "posts", "total_tokens", "cost_usd",
            "unpriced_calls", "tokens_per_post", "usd_per_1000_posts", "duration_ms_p50", "duration_ms_p90",
            "duration_ms_p99", "scored", "unscored", "invalid", "handed_back", "throttles", "abandoned_attempts");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ReportHtml() {}

    public static String page(CostReport report) {
        StringBuilder html = new StringBuilder(1_200_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>sentiment-consumer cost report, ").append(report.month().asOf()).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>What it cost, and where the month is heading</h1>\n<ul class=\"summary\">\n");
        ReportSummary.lines(report).forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
        html.append("</ul>\n<p class=\"method\">Forecast: ").append(escape(Forecast.METHOD)).append(".</p>\n");
        CHARTS.forEach((id, title) -> html.append("<h2>").append(escape(title)).append("</h2>\n<div class=\"chart\" id=\"")
                .append(id).append("\" data-empty=\"").append(escape(emptyText(id, report))).append("\"></div>\n"));
        html.append("<h2>Totals</h2>\n");
        for (Grouping grouping : List.of(Grouping.TOTAL, Grouping.MODEL, Grouping.REGION, Grouping.TIER, Grouping.DAY)) {
            table(html, grouping, report.rows(grouping));
        }
        if (!report.data().notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n<ul>\n");
            report.data().notes().forEach(n -> html.append("<li>").append(escape(n)).append("</li>\n"));
            html.append("</ul>\n");
        }
        // "<" never appears raw inside the JSON, so no "</script>" can end the element early.
        html.append("<script type=\"application/json\" id=\"report-data\">")
                .append(json(report).replace("<", "\\u003c")).append("</script>\n")
                .append("<script>").append(resource(echartsPath())).append("</script>\n")
                .append("<script>").append(resource("io/sentimentconsumer/report/report.js")).append("</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String emptyText(String chart, CostReport report) {
        if (chart.equals("outcomes") && !report.data().hasOutcomes()) {
            return "This source has no delivery summaries, so no outcomes: read the log lines for them.";
        }
        return "No data for this chart in this period.";
    }

    private static void table(StringBuilder html, Grouping grouping, List<ReportRow> rows) {
        html.append("<table>\n<thead><tr><th>").append(grouping.column()).append("</th>");
        TABLE_COLUMNS.forEach(c -> html.append("<th>").append(c.replace('_', ' ')).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (ReportRow row : rows) {
            Map<String, String> columns = ReportColumns.of(grouping.column(), row);
            html.append("<tr><td>").append(escape(row.key().isEmpty() ? "(summaries)" : row.key())).append("</td>");
            TABLE_COLUMNS.forEach(c -> html.append("<td>")
                    .append(escape(Optional.ofNullable(columns.get(c)).orElse(unpriced(c, row) ? Money.UNPRICED : "")))
                    .append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A cost cell says "unpriced" only where there were calls to price; the summaries' row has none. */
    private static boolean unpriced(String column, ReportRow row) {
        return row.tally().calls() > 0 && (column.equals("cost_usd") || column.equals("usd_per_1000_posts"));
    }

    /** The figures the charts draw. */
    private static String json(CostReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode days = root.putArray("days");
        for (ReportRow row : report.rows(Grouping.DAY)) {
            ObjectNode day = days.addObject();
            day.put("day", row.key());
            day.put("cost", row.tally().costUsd().orElse(null));
            day.put("tokensPerPost", row.tally().tokensPerPost().orElse(null));
            row.tally().outcomes().ifPresentOrElse(o -> day.putObject("outcomes").put("scored", o.scored())
                    .put("unscored", o.unscored()).put("invalid", o.invalid()).put("handedBack", o.handedBack()),
                    () -> day.putNull("outcomes"));
        }
        ArrayNode hours = root.putArray("hours");
        for (ReportRow row : report.rows(Grouping.HOUR)) {
            ObjectNode hour = hours.addObject();
            hour.put("hour", OffsetDateTime.parse(row.key().replace("Z", ":00Z")).toInstant().toEpochMilli());
            hour.put("tokensPerPost", row.tally().tokensPerPost().orElse(null));
            Optional<Percentiles> latency = row.tally().latency();
            hour.put("p50", latency.map(Percentiles::p50).orElse(null));
            hour.put("p90", latency.map(Percentiles::p90).orElse(null));
            hour.put("p99", latency.map(Percentiles::p99).orElse(null));
        }
        ArrayNode modelTiers = root.putArray("modelTiers");
        for (ReportRow row : report.data().rows(cell -> cell.tier() == null ? "" : cell.modelId() + "\n" + cell.tier())) {
            if (row.tally().calls() > 0) {
                String[] key = row.key().split("\n", 2);
                modelTiers.addObject().put("model", key[0]).put("tier", key[1])
                        .put("cost", row.tally().costUsd().orElse(null));
            }
        }
        MonthToDate month = report.month();
        root.putObject("month").put("asOf", month.asOf().toString())
                .put("prefix", month.monthStart().toString().substring(0, 8))
                .put("lengthOfMonth", month.asOf().lengthOfMonth());
        ObjectNode forecastDays = root.putObject("forecastDays");
        if (report.forecast() instanceof Forecast.Projected projected) {
            ArrayNode forecast = root.putObject("forecast").putArray("days");
            for (Forecast.Day day : projected.days()) {
                ObjectNode node = forecast.addObject();
                node.put("day", day.day().toString());
                range(node.putObject("cost"), day.cost());
                range(node.putObject("monthThrough"), day.monthThrough());
                forecastDays.set(day.day().toString(), node);
            }
        } else {
            root.putNull("forecast");
        }
        root.put("budget", report.budget().map(BudgetStatus::budget).orElse(null));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's figures cannot be written as JSON", e);
        }
    }

    private static void range(ObjectNode node, Forecast.Range range) {
        node.put("low", round(range.low())).put("central", round(range.central())).put("high", round(range.high()));
    }

    /** Charts need no more than the printed precision; the table and CSV keep the exact figures. */
    private static BigDecimal round(BigDecimal value) {
        return value.setScale(8, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String echartsPath() {
        Properties pom = new Properties();
        try (InputStream in = resourceStream(WEBJAR_VERSION)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WEBJAR + pom.getProperty("version") + "/dist/echarts.common.min.js";
    }

    private static String resource(String path) {
        try (InputStream in = resourceStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the class path", e);
        }
    }

    private static InputStream resourceStream(String path) {
        InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path: run the CLI jar (java -jar "
                    + "sentiment-consumer.jar report), which carries the ECharts WebJar");
        }
        return in;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}"
            + "h1{font-size:22px}h2{font-size:16px;margin-top:28px}.summary li{margin:3px 0}"
            + ".method{color:#555;font-size:13px}.chart{width:100%;height:320px}.chart.empty{height:auto;color:#777;"
            + "font-style:italic}table{border-collapse:collapse;font-size:12px;margin:10px 0}"
            + "th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}th:first-child,td:first-child{text-align:left}"
            + "thead{background:#f2f2f2}";

    private static Map<String, String> charts() {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("cost-per-day", "Cost per day, and the forecast's 90% range for the days to come");
        charts.put("month-forecast", "The month: cost to date and the forecast to its end");
        charts.put("tokens-per-post", "Tokens per post, by hour");
        charts.put("cost-by-model-tier", "Cost by model and service tier");
        charts.put("latency", "Call duration (durationMs) percentiles, by hour");
        charts.put("outcomes", "Records' outcomes, by day");
        return Collections.unmodifiableMap(charts);
    }
}
