package io.sentimentconsumer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The few lines that say what a report found, for stdout and the top of the page alike. */
public final class ReportSummary {

    private ReportSummary() {}

    public static List<String> lines(CostReport report) {
        Tally total = report.total();
        List<String> lines = new ArrayList<>();
        lines.add("Source: " + report.source() + "; as of " + report.month().asOf() + " (UTC days)");
        lines.add(String.format(Locale.ROOT, "Calls: %,d (%,d unpriced), posts in calls: %,d, tokens: %,d "
                        + "(input %,d, output %,d, cache read %,d, cache write %,d)", total.calls(),
                total.unpricedCalls(), total.posts(), total.totalTokens(), total.inputTokens(), total.outputTokens(),
                total.cacheReadInputTokens(), total.cacheWriteInputTokens()));
        lines.add("Cost: " + Money.usd(total.costUsd()) + (total.unpricedCalls() > 0
                ? " for the priced calls; " + total.unpricedCalls() + " unpriced calls are not in it" : "")
                + ", tokens per post: " + total.tokensPerPost().map(Object::toString).orElse("-")
                + ", per 1,000 posts: " + Money.usd(total.costPer1000Posts()));
        total.latency().ifPresent(p -> lines.add(String.format(Locale.ROOT,
                "Call duration (durationMs%s): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms",
                p.upperBound() ? ", at most: per-hour percentiles from Logs Insights" : "",
                p.p50(), p.p90(), p.p99())));
        lines.add(outcomes(total));
        lines.add("Month " + report.month().monthStart().toString().substring(0, 7) + " to date: "
                + Money.usd(report.month().costUsd()) + " (" + Money.usd(report.month().completeDays())
                + " in complete days)");
        lines.add(forecast(report.forecast(), report.month()));
        report.budget().ifPresent(budget -> lines.add("Budget: " + budget.describe()));
        return lines;
    }

    private static String outcomes(Tally total) {
        Optional<Outcomes> outcomes = total.outcomes();
        String attempts = "throttled attempts: " + total.throttles().map(String::valueOf).orElse("-")
                + ", abandoned attempts: " + total.abandonedAttempts().map(String::valueOf).orElse("-");
        if (outcomes.isEmpty()) {
            return "Outcomes: not in this source (the summaries have them); " + attempts;
        }
        Outcomes o = outcomes.get();
        return String.format(Locale.ROOT, "Outcomes of %,d deliveries: records in %,d, scored %,d (positive %,d, "
                        + "negative %,d, neutral %,d), unscored %,d, invalid %,d, handed back %,d; %s",
                total.deliveries(), o.recordsIn(), o.scored(), o.positive(), o.negative(), o.neutral(), o.unscored(),
                o.invalid(), o.handedBack(), attempts);
    }

    private static String forecast(Forecast forecast, MonthToDate month) {
        if (forecast instanceof Forecast.Projected p) {
            return "Forecast for " + month.monthEnd() + ": " + Money.usd(p.central()) + ", 90% range "
                    + Money.usd(p.low()) + " to " + Money.usd(p.high()) + " (line through " + p.windowDays()
                    + " days " + p.windowFrom() + " to " + p.windowTo() + ", " + Money.usd(p.slopePerDay())
                    + " a day more each day; " + month.remainingDays() + " days to go, today included)";
        }
        return "Forecast for " + month.monthEnd() + ": none, " + ((Forecast.Unavailable) forecast).reason();
    }
}
