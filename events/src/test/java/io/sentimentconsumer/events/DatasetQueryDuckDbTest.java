package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dataset query, as saved for Athena, run by DuckDB over hand-written rows (src/test/resources/datasets, gzipped
 * into the bucket's layout): the SQL parses, filters on the partitions it means to, and aggregates to the sums
 * worked out by hand below.
 *
 * <p>The queries read the clock through {@code CURRENT_DATE}; here it reads {@value #TODAY}, so that the rows'
 * partitions fall inside and outside the last 30 days and the month as the expectations say. Of the 9 calls and 12
 * posts: the window keeps days from 2026-11-15 on (2026-11-14's rows are left out), the month from 2026-12-01
 * (2026-11-30's call is left out).
 */
class DatasetQueryDuckDbTest {

    private static final String TODAY = "2026-12-15";
    /** A budget of $0.002, of which this month's $0.00028875 is 14.4375%. */
    private static final double BUDGET = 0.002;
    private static final String MICRO = "amazon.nova-micro-v1:0";

    @TempDir
    static Path bucket;
    private static Connection duckDb;

    @BeforeAll
    static void load() throws SQLException, URISyntaxException {
        DuckDbDatasets.copyGzipped(fixtures(), bucket);
        duckDb = DuckDbDatasets.open(bucket);
    }

    @AfterAll
    static void close() throws SQLException {
        duckDb.close();
    }

    @Test
    void costByDayModelAndTier() throws SQLException {
        assertThat(run(DatasetQuery.COST_BY_DAY)).containsExactly(
                // c1, c2, c3 and c9: 25 + 25 posts first asked (c3 and c9 are follow-ups), 0.000091 + 0.0000917 +
                // 0.0000175 + 0.00000945 USD.
                row("2026-12-15", MICRO, "default", "4", "50", "3350", "660", "100", "0", "4110", "0.00020965", "0"),
                row("2026-12-15", "us." + MICRO, "flex", "1", "20", "1200", "240", "0", "0", "1440", "0.0000378", "0"),
                row("2026-12-01", MICRO, "default", "1", "10", "700", "120", "0", "0", "820", "0.0000413", "0"),
                row("2026-11-30", MICRO, "default", "1", "10", "650", "110", "0", "0", "760", "0.00003815", "0"),
                // c7: unpriced, no tier reported; it adds tokens and no cost.
                row("2026-11-15", MICRO, null, "1", "5", "400", "90", "0", "0", "490", null, "1"));
    }

    @Test
    void monthToDateAgainstTheRenderedBudget() throws SQLException {
        // c1, c2, c3, c9 (2026-12-15), c4 (2026-12-15) and c5 (2026-12-01): 0.00020965 + 0.0000378 + 0.0000413.
        assertThat(run(DatasetQuery.MONTH_TO_DATE))
                .containsExactly(row("6", "0.00028875", "0.002", "14.44", "0"));
    }

    @Test
    void topCallsByCostLeaveOutUnpricedCallsAndOlderDays() throws SQLException {
        assertThat(run(DatasetQuery.TOP_CALLS_BY_COST)).extracting(r -> r.get(1), r -> r.get(14))
                .containsExactly(
                        tuple("c2", "0.0000917"), tuple("c1", "0.000091"), tuple("c5", "0.0000413"),
                        tuple("c6", "0.00003815"), tuple("c4", "0.0000378"), tuple("c3", "0.0000175"),
                        tuple("c9", "0.00000945"));
        assertThat(run(DatasetQuery.TOP_CALLS_BY_COST).get(0)).startsWith("2026-12-15 07:00:01.010", "c2", "inv-1",
                MICRO, "in-region", "default", "2", "false", "25", "1500", "280", "0", "0", "1780");
    }

    @Test
    void tokensPerPostByHourCountEveryTokenOverThePostsFirstAsked() throws SQLException {
        assertThat(run(DatasetQuery.TOKENS_PER_POST)).containsExactly(
                // c9 alone: a follow-up, no post first asked, so no ratio rather than a division by zero.
                row("2026-12-15", "09", "1", "0", "180", null, null, null),
                row("2026-12-15", "08", "1", "20", "1440", "72.0", "60.0", "12.0"),
                // c1, c2, c3: 3930 tokens, 3200 input and 630 output, over 50 posts.
                row("2026-12-15", "07", "3", "50", "3930", "78.6", "64.0", "12.6"),
                row("2026-12-01", "00", "1", "10", "820", "82.0", "70.0", "12.0"),
                row("2026-11-30", "23", "1", "10", "760", "76.0", "65.0", "11.0"),
                row("2026-11-15", "12", "1", "5", "490", "98.0", "80.0", "18.0"));
    }

    @Test
    void sentimentByCountryCountsScoredPostsOnly() throws SQLException {
        assertThat(run(DatasetQuery.SENTIMENT_BY_COUNTRY)).containsExactly(
                // post-1 0.8, post-2 -0.6, post-6 0.4.
                row("US", "3", "2", "1", "0", "0.2"),
                row("DE", "2", "1", "0", "1", "0.25"),
                // post-9; post-10, also FR, is unscored.
                row("FR", "1", "0", "1", "0", "-0.5"));
    }

    @Test
    void sentimentByHashtagCountsAPostUnderEachOfItsTags() throws SQLException {
        assertThat(run(DatasetQuery.SENTIMENT_BY_HASHTAG)).containsExactly(
                // post-1, post-2, post-6.
                row("love", "3", "2", "1", "0", "0.2"),
                // post-1 0.8, post-3 0.0, post-9 -0.5; post-4 has no tag and counts nowhere.
                row("summer", "3", "1", "1", "1", "0.1"));
    }

    @Test
    void sentimentByHourOfDay() throws SQLException {
        assertThat(run(DatasetQuery.SENTIMENT_BY_HOUR)).containsExactly(
                // post-1 to post-4: (0.8 - 0.6 + 0.0 + 0.5) / 4.
                row("07", "4", "2", "1", "1", "0.175"),
                row("08", "1", "1", "0", "0", "0.4"),
                // post-9 only: post-11 arrived at 12 too, but on 2026-11-14.
                row("12", "1", "0", "1", "0", "-0.5"));
    }

    @Test
    void unscoredAndInvalidRecordsByReason() throws SQLException {
        assertThat(run(DatasetQuery.UNSCORED_AND_INVALID)).containsExactly(
                row("invalid", "not JSON", "2", "2026-12-15 08:00:01.000", "2026-12-15 08:00:02.500"),
                row("unscored", "no score in the answer", "2", "2026-11-15 12:00:03.000", "2026-12-15 07:00:04.000"));
    }

    @Test
    void everyQueryRunsAsSavedAgainstTodaysDate(@TempDir Path today) throws SQLException, URISyntaxException {
        // One hour of rows moved to today's partition: the queries' own CURRENT_DATE must find it.
        String dt = LocalDate.now(ZoneOffset.UTC).toString();
        for (Dataset dataset : Dataset.values()) {
            Path hour = fixtures().resolve(dataset.prefix()).resolve("dt=" + TODAY).resolve("hour=08");
            DuckDbDatasets.copyGzipped(hour, today.resolve(dataset.prefix()).resolve("dt=" + dt).resolve("hour=08"));
        }
        try (Connection now = DuckDbDatasets.open(today)) {
            for (DatasetQuery query : DatasetQuery.values()) {
                assertThat(DuckDbDatasets.rows(now, query.sql(BUDGET))).as(query.title()).isNotEmpty();
            }
            assertThat(DuckDbDatasets.rows(now, DatasetQuery.MONTH_TO_DATE.sql(BUDGET)))
                    .containsExactly(row("1", "0.0000378", "0.002", "1.89", "0"));
            assertThat(DuckDbDatasets.rows(now, DatasetQuery.COST_BY_DAY.sql(BUDGET)))
                    .extracting(r -> r.get(0)).containsExactly(dt);
        }
    }

    /** The query as saved, with {@code CURRENT_DATE} read as {@value #TODAY}. */
    private static List<List<String>> run(DatasetQuery query) throws SQLException {
        String sql = query.sql(BUDGET);
        assertThat(sql).as(query.title()).contains("CURRENT_DATE");
        return DuckDbDatasets.rows(duckDb, sql.replace("CURRENT_DATE", "DATE '" + TODAY + "'"));
    }

    private static Path fixtures() throws URISyntaxException {
        Path path = Path.of(Objects.requireNonNull(DatasetQueryDuckDbTest.class.getResource("/datasets")).toURI());
        assertThat(Files.isDirectory(path)).isTrue();
        return path;
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
