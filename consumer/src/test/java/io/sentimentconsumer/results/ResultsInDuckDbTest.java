package io.sentimentconsumer.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.events.DatasetQuery;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.DuckDbDatasets;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.S3Mock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sink wrote, downloaded as a reader of the bucket would and queried with SQL as Athena would: DuckDB reads
 * the gzip JSON Lines by their extension, the partitions from the keys, the columns by the datasets' types, and the
 * totals come out as the consumer's own summary says, to the last token and the last digit of the cost.
 */
class ResultsInDuckDbTest {

    private static final String TODAY = "2026-01-20";
    private static final double BUDGET_USD = 100;

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static S3Mock s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Mock.shared();
    }

    @Test
    void sqlOverTheDatasetsAddsUpToTheSummaryExactly() throws Exception {
        String bucket = "duckdb-results";
        s3.createBucket(bucket);
        JsonNode summary;
        try (ConsumerUnderTest consumer = new ConsumerUnderTest(bedrock, Map.of("RESULTS_SINK", "s3",
                "RESULTS_BUCKET", bucket, ConsumerUnderTest.S3_ENDPOINT, s3.endpoint()))) {
            consumer.handle(Files.readString(Path.of("..", "test-events", "kinesis-150.json")));
            summary = consumer.summary();
        }
        s3.download(bucket, dir);

        try (Connection db = DuckDbDatasets.open(dir); Statement sql = db.createStatement()) {
            try (ResultSet calls = sql.executeQuery("SELECT sum(cost_usd), sum(total_tokens), sum(input_tokens), "
                    + "sum(output_tokens), count(*), count(DISTINCT call_id) FROM calls")) {
                calls.next();
                assertThat(calls.getBigDecimal(1)).isEqualByComparingTo(summary.path("costUsd").decimalValue());
                assertThat(calls.getLong(2)).isEqualTo(summary.path("totalTokens").asLong());
                assertThat(calls.getLong(3)).isEqualTo(summary.path("inputTokens").asLong());
                assertThat(calls.getLong(4)).isEqualTo(summary.path("outputTokens").asLong());
                assertThat(calls.getInt(5)).isEqualTo(summary.path("apiCalls").asInt());
                assertThat(calls.getInt(6)).as("call ids are unique").isEqualTo(calls.getInt(5));
            }
            assertThat(counts(sql, "SELECT outcome, count(*) FROM posts GROUP BY outcome ORDER BY outcome"))
                    .isEqualTo(Map.of("scored", summary.path("scored").asLong()));
            assertThat(counts(sql, "SELECT label, count(*) FROM posts GROUP BY label ORDER BY label"))
                    .isEqualTo(Map.of("negative", summary.path("negative").asLong(),
                            "neutral", summary.path("neutral").asLong(),
                            "positive", summary.path("positive").asLong()));
            assertThat(counts(sql, "SELECT dt || ' ' || hour, count(*) FROM posts GROUP BY ALL"))
                    .as("one partition: the first record's arrival hour").isEqualTo(Map.of("2026-01-15 12", 150L));
            assertThat(counts(sql, "SELECT 'orphans', count(*) FROM posts p LEFT JOIN calls c ON p.call_id = "
                    + "c.call_id WHERE c.call_id IS NULL")).isEqualTo(Map.of("orphans", 0L));
            try (ResultSet times = sql.executeQuery("SELECT (SELECT typeof(min(processed_at)) FROM posts), "
                    + "(SELECT typeof(max(called_at)) FROM calls), (SELECT typeof(sum(cost_usd)) FROM calls)")) {
                times.next();
                assertThat(times.getString(1)).isEqualTo("TIMESTAMP");
                assertThat(times.getString(2)).isEqualTo("TIMESTAMP");
                assertThat(times.getString(3)).as("money stays exact").startsWith("DECIMAL");
            }
        }
    }

    @Test
    void aDatasetWithoutObjectsIsAnEmptyTableRatherThanAnError() throws SQLException {
        try (Connection db = DuckDbDatasets.open(dir); Statement sql = db.createStatement()) {
            assertThat(counts(sql, "SELECT 'calls', count(*) FROM calls")).isEqualTo(Map.of("calls", 0L));
            assertThat(counts(sql, "SELECT 'posts', count(*) FROM posts")).isEqualTo(Map.of("posts", 0L));
        }
    }

    private static Map<String, Long> counts(Statement sql, String query) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /**
     * Every saved query of the stack, as Athena gets it, over what the consumer wrote for the committed test events:
     * each answer adds up to the consumer's own summaries and per-call lines. The events arrived on 2026-01-15; the
     * queries read the clock through {@code CURRENT_DATE}, read here as {@value #TODAY}, inside their 30-day window
     * and the same month.
     */
    @Test
    void everySavedQueryAnswersWhatTheConsumersOwnLinesSay() throws Exception {
        String bucket = "saved-queries";
        s3.createBucket(bucket);
        List<JsonNode> summaries;
        List<JsonNode> calls;
        try (ConsumerUnderTest consumer = new ConsumerUnderTest(bedrock, Map.of("RESULTS_SINK", "s3",
                "RESULTS_BUCKET", bucket, ConsumerUnderTest.S3_ENDPOINT, s3.endpoint()))) {
            consumer.handle(Files.readString(Path.of("..", "test-events", "kinesis-150.json")));
            consumer.handle(Files.readString(Path.of("..", "test-events", "kinesis-malformed.json")));
            summaries = consumer.logEvents("invocation_summary");
            calls = consumer.logEvents("bedrock_call");
        }
        s3.download(bucket, dir);
        assertThat(summaries).hasSize(2);
        long scored = sum(summaries, "scored");
        long notScored = sum(summaries, "unscored") + sum(summaries, "invalid");
        BigDecimal cost = summaries.stream().map(s -> s.path("costUsd").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(notScored).as("the malformed event has records without a score").isPositive();

        Map<DatasetQuery, List<Map<String, Object>>> answers = new EnumMap<>(DatasetQuery.class);
        try (Connection db = DuckDbDatasets.open(dir); Statement sql = db.createStatement()) {
            for (DatasetQuery query : DatasetQuery.values()) {
                answers.put(query, rows(sql, query.sql(BUDGET_USD).replace("CURRENT_DATE", "DATE '" + TODAY + "'")));
            }
        }

        List<Map<String, Object>> byDay = answers.get(DatasetQuery.COST_BY_DAY);
        assertThat(decimalSum(byDay, "cost_usd")).isEqualByComparingTo(cost);
        assertThat(longSum(byDay, "calls")).isEqualTo(calls.size());
        assertThat(longSum(byDay, "total_tokens")).isEqualTo(sum(summaries, "totalTokens"));
        assertThat(byDay).extracting(row -> row.get("dt")).containsOnly("2026-01-15");

        Map<String, Object> month = answers.get(DatasetQuery.MONTH_TO_DATE).get(0);
        assertThat((BigDecimal) month.get("month_to_date_usd")).isEqualByComparingTo(cost);
        assertThat(((Number) month.get("monthly_budget_usd")).doubleValue()).isEqualTo(BUDGET_USD);

        List<Map<String, Object>> top = answers.get(DatasetQuery.TOP_CALLS_BY_COST);
        List<BigDecimal> costs = new ArrayList<>(calls.stream().map(c -> c.path("costUsd").decimalValue()).toList());
        costs.sort(Comparator.reverseOrder());
        assertThat(top).hasSize(Math.min(20, calls.size()));
        assertThat((BigDecimal) top.get(0).get("cost_usd")).isEqualByComparingTo(costs.get(0));

        assertThat(longSum(answers.get(DatasetQuery.TOKENS_PER_POST), "total_tokens"))
                .isEqualTo(sum(summaries, "totalTokens"));
        assertThat(longSum(answers.get(DatasetQuery.SENTIMENT_BY_COUNTRY), "posts")).isEqualTo(scored);
        assertThat(longSum(answers.get(DatasetQuery.SENTIMENT_BY_COUNTRY), "positive"))
                .isEqualTo(sum(summaries, "positive"));
        assertThat(longSum(answers.get(DatasetQuery.SENTIMENT_BY_HOUR), "posts")).isEqualTo(scored);
        assertThat(answers.get(DatasetQuery.SENTIMENT_BY_HASHTAG)).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        assertThat(longSum(answers.get(DatasetQuery.UNSCORED_AND_INVALID), "records")).isEqualTo(notScored);
    }

    private static long sum(List<JsonNode> lines, String field) {
        return lines.stream().mapToLong(line -> line.path(field).asLong()).sum();
    }

    private static long longSum(List<Map<String, Object>> rows, String column) {
        return rows.stream().mapToLong(row -> ((Number) row.get(column)).longValue()).sum();
    }

    private static BigDecimal decimalSum(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> (BigDecimal) row.get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<Map<String, Object>> rows(Statement sql, String query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
