package io.sentimentconsumer.report;

import static io.sentimentconsumer.events.Field.*;

import io.sentimentconsumer.events.Field;
import io.sentimentconsumer.events.LogEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * A log group read through Logs Insights: {@link InsightsQuery} runs server-side (StartQuery), and its rows, one per
 * hour, event, model and tier, come back with GetQueryResults, polled until the query is complete or the wait is
 * over. Logs Insights adds in floating point: its sums of {@code costUsd} are exact to about fifteen significant
 * digits, not to the last one as the files and the calls dataset are.
 */
public final class LogGroupInsights {

    /** The most rows one query returns; a report that reaches it would be missing rows, so it stops instead. */
    static final int MAX_ROWS = 10_000;
    /** Logs Insights' price in US East (N. Virginia), per GB scanned; see docs/report.md for the source and date. */
    static final BigDecimal USD_PER_GB_SCANNED = new BigDecimal("0.005");

    private static final DateTimeFormatter BIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(java.time.ZoneOffset.UTC);

    private final CloudWatchLogsClient logs;
    private final String region;
    private final Duration pollInterval;
    private final Duration maxWait;

    /**
     * @param region the client's Region: the calls' billing Region, as the consumer logs where it runs
     */
    public LogGroupInsights(CloudWatchLogsClient logs, String region, Duration pollInterval, Duration maxWait) {
        this.logs = logs;
        this.region = region;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
    }

    public ReportData read(List<String> logGroups, Instant from, Instant to) throws InterruptedException {
        String queryId = logs.startQuery(q -> q.logGroupNames(logGroups).startTime(from.getEpochSecond())
                .endTime(to.getEpochSecond()).queryString(InsightsQuery.text()).limit(MAX_ROWS)).queryId();
        GetQueryResultsResponse results = await(queryId);
        if (results.results().size() >= MAX_ROWS) {
            throw new IllegalArgumentException("the Logs Insights query returned " + MAX_ROWS + " rows, its most, so "
                    + "some are missing: give a shorter --since");
        }
        ReportData data = new ReportData();
        for (List<ResultField> row : results.results()) {
            add(row(row), data);
        }
        data.note(scanned(results, logGroups, from, to));
        return data;
    }

    private GetQueryResultsResponse await(String queryId) throws InterruptedException {
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            GetQueryResultsResponse results = logs.getQueryResults(q -> q.queryId(queryId));
            QueryStatus status = results.status();
            if (status == QueryStatus.COMPLETE) {
                return results;
            }
            if (status != QueryStatus.SCHEDULED && status != QueryStatus.RUNNING) {
                throw new IllegalStateException("the Logs Insights query " + queryId + " ended " + results.statusAsString()
                        + ": give a shorter --since, or see the query in the CloudWatch console");
            }
            if (Instant.now().isAfter(deadline)) {
                logs.stopQuery(q -> q.queryId(queryId));
                throw new IllegalStateException("the Logs Insights query " + queryId + " did not complete within "
                        + maxWait.toSeconds() + " s and was stopped: give a shorter --since or a longer --query-timeout");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private void add(Map<String, String> row, ReportData data) {
        Instant hour = ZonedDateTime.parse(row.get(InsightsQuery.HOUR), BIN).toInstant();
        String model = row.get(MODEL_ID.id());
        String event = row.getOrDefault(InsightsQuery.EVENT, "");
        if (event.equals(LogEvent.BEDROCK_CALL.id())) {
            Percentiles latency = row.containsKey(InsightsQuery.P50) ? new Percentiles(
                    number(row, InsightsQuery.P50).doubleValue(), number(row, InsightsQuery.P90).doubleValue(),
                    number(row, InsightsQuery.P99).doubleValue(), false) : null;
            data.add(Cell.of(hour, model, region, row.getOrDefault(InsightsQuery.TIER, Cell.UNKNOWN)),
                    new CallGroup(count(row, InsightsQuery.LINES), count(row, POSTS), count(row, INPUT_TOKENS),
                            count(row, OUTPUT_TOKENS), count(row, CACHE_READ_INPUT_TOKENS),
                            count(row, CACHE_WRITE_INPUT_TOKENS), count(row, TOTAL_TOKENS), number(row, COST_USD.id()),
                            count(row, InsightsQuery.PRICED_CALLS), latency));
        } else {
            data.add(new DeliveryFact(hour, model, region, null, new Outcomes(count(row, RECORDS_IN),
                    count(row, SCORED), count(row, POSITIVE), count(row, NEGATIVE), count(row, NEUTRAL),
                    count(row, UNSCORED), count(row, INVALID), count(row, HANDED_BACK)), count(row, THROTTLES),
                    count(row, ABANDONED_ATTEMPTS)));
        }
    }

    private static Map<String, String> row(List<ResultField> fields) {
        Map<String, String> row = new HashMap<>();
        fields.forEach(f -> row.put(f.field(), f.value()));
        return row;
    }

    private static long count(Map<String, String> row, Field field) {
        return count(row, field.id());
    }

    /** Insights writes sums as decimals ({@code 1234.0}); a sum of nothing is left out of the row. */
    private static long count(Map<String, String> row, String name) {
        return number(row, name).longValueExact();
    }

    private static BigDecimal number(Map<String, String> row, String name) {
        String value = row.get(name);
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value).stripTrailingZeros();
    }

    private static String scanned(GetQueryResultsResponse results, List<String> logGroups, Instant from, Instant to) {
        double bytes = results.statistics() == null || results.statistics().bytesScanned() == null ? 0
                : results.statistics().bytesScanned();
        BigDecimal gb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1_000_000_000L));
        return String.format(Locale.ROOT, "Logs Insights scanned %.1f MB of %s from %s to %s: about $%s at $%s per "
                        + "GB scanned (US East list price; docs/report.md)", bytes / 1_000_000, String.join(", ", logGroups),
                from, to, gb.multiply(USD_PER_GB_SCANNED).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString(),
                USD_PER_GB_SCANNED.toPlainString());
    }
}
