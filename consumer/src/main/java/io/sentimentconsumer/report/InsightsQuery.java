package io.sentimentconsumer.report;

import static io.sentimentconsumer.events.Field.*;

import io.sentimentconsumer.events.Field;
import io.sentimentconsumer.events.LogEvent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one Logs Insights query a report runs on a log group, written from the events module's names: per hour,
 * event, model and tier, the calls' sums and duration percentiles and the summaries' sums. One query rather than
 * one for calls and one for summaries, because Logs Insights bills every query for the bytes it scans.
 *
 * <p>A row of {@code bedrock_call} reads the call columns; a summary row reads the outcome, throttle and abandoned
 * columns (a summary's throttles include those of calls that returned no usage, which no call line has).
 * {@code count(costUsd)} counts the priced calls: an unpriced call's {@code costUsd} is a JSON null, which Logs
 * Insights does not count as a value.
 */
public final class InsightsQuery {

    /** The events it reads. */
    static final List<LogEvent> EVENTS = List.of(LogEvent.BEDROCK_CALL, LogEvent.INVOCATION_SUMMARY,
            LogEvent.WORKER_SUMMARY);

    /** Summaries have no tier: they group under this value. */
    static final String NO_TIER = "-";

    static final String HOUR = "hour";
    static final String EVENT = "event";
    static final String TIER = "tier";
    static final String LINES = "lines";
    static final String PRICED_CALLS = "pricedCalls";
    static final String P50 = "p50";
    static final String P90 = "p90";
    static final String P99 = "p99";

    /** The sums of call-line fields. */
    static final List<Field> CALL_SUMS = List.of(POSTS, INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_INPUT_TOKENS,
            CACHE_WRITE_INPUT_TOKENS, TOTAL_TOKENS, COST_USD);

    /** The sums of summary-line fields. */
    static final List<Field> SUMMARY_SUMS = List.of(RECORDS_IN, SCORED, POSITIVE, NEGATIVE, NEUTRAL, UNSCORED, INVALID,
            HANDED_BACK, THROTTLES, ABANDONED_ATTEMPTS);

    private InsightsQuery() {}

    public static String text() {
        String events = EVENTS.stream().map(e -> "\"" + e.id() + "\"").collect(Collectors.joining(", "));
        String sums = Stream.concat(CALL_SUMS.stream(), SUMMARY_SUMS.stream())
                .map(f -> "sum(" + f.id() + ") as " + f.id()).collect(Collectors.joining(", "));
        return "filter event in [" + events + "]\n"
                + "| fields coalesce(" + SERVED_TIER.id() + ", \"" + NO_TIER + "\") as " + TIER + "\n"
                + "| stats count(*) as " + LINES + ", " + sums + ", count(" + COST_USD.id() + ") as " + PRICED_CALLS
                + ", pct(" + DURATION_MS.id() + ", 50) as " + P50 + ", pct(" + DURATION_MS.id() + ", 90) as " + P90
                + ", pct(" + DURATION_MS.id() + ", 99) as " + P99 + "\n"
                + "  by bin(1h) as " + HOUR + ", " + EVENT + ", " + MODEL_ID.id() + ", " + TIER;
    }
}
