package io.sentimentconsumer.cli;

import io.sentimentconsumer.report.CostReport;
import io.sentimentconsumer.report.Grouping;
import io.sentimentconsumer.report.Money;
import io.sentimentconsumer.report.ReportRow;
import io.sentimentconsumer.report.ReportSummary;
import io.sentimentconsumer.report.Tally;
import java.io.PrintWriter;
import java.util.List;

/** A report for a terminal: the summary, the figures by model, tier, Region and the last days, and the notes. */
final class ReportTerminal {

    /** Days shown on the terminal; the CSV and the page have them all. */
    private static final int LAST_DAYS = 7;

    private ReportTerminal() {}

    static void print(CostReport report, PrintWriter out) {
        ReportSummary.lines(report).forEach(out::println);
        table(out, "By model", Grouping.MODEL, report.rows(Grouping.MODEL));
        table(out, "By service tier", Grouping.TIER, report.rows(Grouping.TIER).stream()
                .filter(row -> row.tally().calls() > 0).toList());
        table(out, "By Region", Grouping.REGION, report.rows(Grouping.REGION));
        List<ReportRow> days = report.rows(Grouping.DAY);
        table(out, "Last days", Grouping.DAY, days.subList(Math.max(0, days.size() - LAST_DAYS), days.size()));
        if (!report.data().notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            report.data().notes().forEach(note -> out.println("  " + note));
        }
        out.flush();
    }

    private static void table(PrintWriter out, String title, Grouping grouping, List<ReportRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(grouping.column(), "calls", "unpriced", "posts", "tokens", "cost",
                "tokens/post", "$/1000 posts", "p50 ms", "p99 ms");
        for (ReportRow row : rows) {
            Tally t = row.tally();
            table.row(row.key(), Long.toString(t.calls()), Long.toString(t.unpricedCalls()), Long.toString(t.posts()),
                    Long.toString(t.totalTokens()), Money.usd(t.costUsd()),
                    t.tokensPerPost().map(Object::toString).orElse("-"), Money.usd(t.costPer1000Posts()),
                    t.latency().map(p -> format(p.p50())).orElse("-"), t.latency().map(p -> format(p.p99())).orElse("-"));
        }
        out.println();
        out.println(title + ":");
        table.lines().forEach(line -> out.println("  " + line));
    }

    private static String format(double millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis);
    }
}
