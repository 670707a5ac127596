package io.sentimentconsumer.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads our token counts and Bedrock's per model and hour from CloudWatch: every series of every model as a query
 * of one GetMetricData request (the hourly Sum), one call per page of its answer, so that both sides come from the
 * same read. Hours in which neither side has a data point are left out; an hour with only our abandoned attempts
 * is one of them.
 */
public final class HourlyTokenReader {

    static final int PERIOD_SECONDS = 3600;

    private final CloudWatchClient cloudWatch;

    public HourlyTokenReader(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** The query's hours with data, by model in the query's order, then by hour. */
    public List<HourRow> read(ReconcileQuery query) {
        Map<String, Map<Instant, Double>> points = new HashMap<>();
        Map<String, StatusCode> lastStatus = new HashMap<>();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request(query))) {
            for (MetricDataResult result : page.metricDataResults()) {
                failOnError(query, result);
                Map<Instant, Double> series = points.computeIfAbsent(result.id(), id -> new HashMap<>());
                for (int i = 0; i < result.timestamps().size(); i++) {
                    series.put(result.timestamps().get(i), result.values().get(i));
                }
                lastStatus.put(result.id(), result.statusCode());
            }
        }
        lastStatus.forEach((id, status) -> {
            if (status == StatusCode.PARTIAL_DATA) {
                throw new MetricsUnreadable("CloudWatch gave part of " + describe(query, id) + " and no page "
                        + "with the rest: run again, or ask for fewer hours with --since and --until");
            }
        });
        return rows(query, points);
    }

    static GetMetricDataRequest request(ReconcileQuery query) {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int t = 0; t < query.targets().size(); t++) {
            Target target = query.targets().get(t);
            for (Series series : Series.values()) {
                queries.add(MetricDataQuery.builder()
                        .id(series.queryId(t))
                        .metricStat(MetricStat.builder()
                                .metric(series.metric(query, target))
                                .period(PERIOD_SECONDS)
                                .stat("Sum")
                                .build())
                        .returnData(true)
                        .build());
            }
        }
        return GetMetricDataRequest.builder()
                .metricDataQueries(queries)
                .startTime(query.hours().start())
                .endTime(query.hours().end())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .build();
    }

    private static void failOnError(ReconcileQuery query, MetricDataResult result) {
        if (result.statusCode() == StatusCode.INTERNAL_ERROR || result.statusCode() == StatusCode.FORBIDDEN) {
            StringBuilder messages = new StringBuilder();
            result.messages().forEach(m -> messages.append("; ").append(m.code()).append(": ").append(m.value()));
            throw new MetricsUnreadable("CloudWatch could not read " + describe(query, result.id()) + " ("
                    + result.statusCodeAsString() + messages + ")"
                    + (result.statusCode() == StatusCode.FORBIDDEN
                            ? ": the credentials need cloudwatch:GetMetricData on both namespaces" : ": run again"));
        }
    }

    private static List<HourRow> rows(ReconcileQuery query, Map<String, Map<Instant, Double>> points) {
        List<HourRow> rows = new ArrayList<>();
        for (int t = 0; t < query.targets().size(); t++) {
            Map<Series, Map<Instant, Double>> series = new HashMap<>();
            for (Series s : Series.values()) {
                series.put(s, points.getOrDefault(s.queryId(t), Map.of()));
            }
            TreeSet<Instant> hours = new TreeSet<>();
            // The hours with tokens on either side; abandoned attempts alone make no hour.
            for (Series s : Series.values()) {
                if (s != Series.ABANDONED_ATTEMPTS) {
                    hours.addAll(series.get(s).keySet());
                }
            }
            for (Instant hour : hours) {
                Side ours = side(series.get(Series.OUR_INPUT), series.get(Series.OUR_OUTPUT), hour);
                Side bedrock = side(series.get(Series.BEDROCK_INPUT), series.get(Series.BEDROCK_OUTPUT), hour);
                long abandoned = count(series.get(Series.ABANDONED_ATTEMPTS), hour);
                rows.add(new HourRow(query.targets().get(t).modelId(), hour,
                        new Comparison(ours, bedrock, abandoned)));
            }
        }
        return rows;
    }

    private static Side side(Map<Instant, Double> input, Map<Instant, Double> output, Instant hour) {
        if (!input.containsKey(hour) && !output.containsKey(hour)) {
            return Side.NONE;
        }
        return new Side(count(input, hour), count(output, hour), true);
    }

    /** Sums of counts are whole numbers, exact in a double up to 2^53. */
    private static long count(Map<Instant, Double> series, Instant hour) {
        return Math.round(series.getOrDefault(hour, 0.0));
    }

    private static String describe(ReconcileQuery query, String queryId) {
        for (int t = 0; t < query.targets().size(); t++) {
            for (Series series : Series.values()) {
                if (series.queryId(t).equals(queryId)) {
                    return series.describe(query, query.targets().get(t));
                }
            }
        }
        return "query " + queryId;
    }
}
