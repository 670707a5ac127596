package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One group's figures under the column names of the CSV files and the page's table (docs/report.md lists them), in
 * their order: exact values, unrounded; {@code null} (an empty CSV field) where a figure is unknown, unpriced or not
 * in the source.
 */
public final class ReportColumns {

    private ReportColumns() {}

    public static Map<String, String> of(String keyColumn, ReportRow row) {
        Tally tally = row.tally();
        Optional<Percentiles> latency = tally.latency();
        Optional<Outcomes> outcomes = tally.outcomes();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(keyColumn, row.key());
        columns.put("calls", Long.toString(tally.calls()));
        columns.put("posts", Long.toString(tally.posts()));
        columns.put("input_tokens", Long.toString(tally.inputTokens()));
        columns.put("output_tokens", Long.toString(tally.outputTokens()));
        columns.put("cache_read_input_tokens", Long.toString(tally.cacheReadInputTokens()));
        columns.put("cache_write_input_tokens", Long.toString(tally.cacheWriteInputTokens()));
        columns.put("total_tokens", Long.toString(tally.totalTokens()));
        columns.put("cost_usd", plain(tally.costUsd()));
        columns.put("priced_calls", Long.toString(tally.pricedCalls()));
        columns.put("unpriced_calls", Long.toString(tally.unpricedCalls()));
        columns.put("tokens_per_post", plain(tally.tokensPerPost()));
        columns.put("usd_per_1000_posts", plain(tally.costPer1000Posts()));
        columns.put("duration_ms_p50", latency.map(p -> number(p.p50())).orElse(null));
        columns.put("duration_ms_p90", latency.map(p -> number(p.p90())).orElse(null));
        columns.put("duration_ms_p99", latency.map(p -> number(p.p99())).orElse(null));
        columns.put("duration_percentiles", latency.map(p -> p.upperBound() ? "upper_bound" : "exact").orElse(null));
        columns.put("deliveries", outcomes.map(o -> Long.toString(tally.deliveries())).orElse(null));
        columns.put("records_in", outcome(outcomes, Outcomes::recordsIn));
        columns.put("scored", outcome(outcomes, Outcomes::scored));
        columns.put("positive", outcome(outcomes, Outcomes::positive));
        columns.put("negative", outcome(outcomes, Outcomes::negative));
        columns.put("neutral", outcome(outcomes, Outcomes::neutral));
        columns.put("unscored", outcome(outcomes, Outcomes::unscored));
        columns.put("invalid", outcome(outcomes, Outcomes::invalid));
        columns.put("handed_back", outcome(outcomes, Outcomes::handedBack));
        columns.put("throttles", tally.throttles().map(String::valueOf).orElse(null));
        columns.put("abandoned_attempts", tally.abandonedAttempts().map(String::valueOf).orElse(null));
        return columns;
    }

    private static String outcome(Optional<Outcomes> outcomes, Function<Outcomes, Long> figure) {
        return outcomes.map(o -> Long.toString(figure.apply(o))).orElse(null);
    }

    static String plain(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse(null);
    }

    /** A duration in milliseconds as the source gave it: {@code 731.59}, {@code 12}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
