package io.sentimentconsumer.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.DuckDbDatasets;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.S3Mock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
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
}
