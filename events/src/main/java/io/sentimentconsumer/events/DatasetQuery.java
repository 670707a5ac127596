package io.sentimentconsumer.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL query over the {@link Dataset}s, saved by the stack as an Athena named query and run as written by DuckDB
 * over the same JSON Lines: the tables are named as the datasets ({@code posts}, {@code calls}), and the text keeps to
 * what both dialects read alike (docs/results.md, "Dialect notes"). Keywords and functions are upper case and
 * identifiers lower case, so that a test can tell every column a query names from the rest and check it against
 * {@link Dataset}.
 *
 * <p>Every query filters on the {@code dt} partition key against a constant, so that Athena's partition projection
 * reads only the days it asks for: the last {@value Sql#DAYS} days, or the current month.
 */
public enum DatasetQuery {

    COST_BY_DAY("Cost by day, model and tier", "Calls, posts, tokens and cost per day (UTC), model and the service "
            + "tier the responses reported, over the last " + Sql.DAYS + " days; unpriced calls counted apart.",
            Dataset.CALLS, """
            SELECT dt, model_id, served_tier,
                   COUNT(*) AS calls,
                   %s AS posts,
                   SUM(input_tokens) AS input_tokens,
                   SUM(output_tokens) AS output_tokens,
                   SUM(cache_read_input_tokens) AS cache_read_input_tokens,
                   SUM(cache_write_input_tokens) AS cache_write_input_tokens,
                   SUM(total_tokens) AS total_tokens,
                   SUM(cost_usd) AS cost_usd,
                   SUM(CASE WHEN priced THEN 0 ELSE 1 END) AS unpriced_calls
            FROM calls
            WHERE %s
            GROUP BY dt, model_id, served_tier
            ORDER BY dt DESC, cost_usd DESC
            """.formatted(Sql.POSTS_ASKED, Sql.LAST_DAYS)),

    MONTH_TO_DATE("Month to date against the budget", "This calendar month's (UTC) cost so far against the stack's "
            + "monthlyBudgetUsd; unpriced calls add nothing to the cost, so they are counted apart.",
            Dataset.CALLS, """
            SELECT COUNT(*) AS calls,
                   SUM(cost_usd) AS month_to_date_usd,
                   %1$s AS monthly_budget_usd,
                   ROUND(100 * CAST(SUM(cost_usd) AS DOUBLE) / %1$s, 2) AS percent_of_budget,
                   SUM(CASE WHEN priced THEN 0 ELSE 1 END) AS unpriced_calls
            FROM calls
            WHERE %2$s
            """.formatted(Sql.MONTHLY_BUDGET_USD, Sql.THIS_MONTH)),

    TOP_CALLS_BY_COST("Top 20 calls by cost", "The 20 most expensive priced calls of the last " + Sql.DAYS
            + " days, with their tokens, tier, attempts and the invocation that made them.",
            Dataset.CALLS, """
            SELECT called_at, call_id, invocation_id, model_id, routing, served_tier, batch, follow_up, posts,
                   input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, total_tokens,
                   cost_usd, latency_ms, attempts, throttles
            FROM calls
            WHERE %s AND cost_usd IS NOT NULL
            ORDER BY cost_usd DESC, call_id
            LIMIT 20
            """.formatted(Sql.LAST_DAYS)),

    TOKENS_PER_POST("Tokens per post by hour", "Tokens per post asked, by day and hour (UTC), over the last "
            + Sql.DAYS + " days: every call's tokens, follow-ups included, over the posts first asked.",
            Dataset.CALLS, """
            SELECT dt, hour,
                   COUNT(*) AS calls,
                   %1$s AS posts,
                   SUM(total_tokens) AS total_tokens,
                   ROUND(CAST(SUM(total_tokens) AS DOUBLE) / NULLIF(%1$s, 0), 2) AS tokens_per_post,
                   ROUND(CAST(SUM(input_tokens) AS DOUBLE) / NULLIF(%1$s, 0), 2) AS input_tokens_per_post,
                   ROUND(CAST(SUM(output_tokens) AS DOUBLE) / NULLIF(%1$s, 0), 2) AS output_tokens_per_post
            FROM calls
            WHERE %2$s
            GROUP BY dt, hour
            ORDER BY dt DESC, hour DESC
            """.formatted(Sql.POSTS_ASKED, Sql.LAST_DAYS)),

    SENTIMENT_BY_COUNTRY("Sentiment by country", "Scored posts of the last " + Sql.DAYS + " days by country: "
            + "how many, by label, and their average score.",
            Dataset.POSTS, """
            SELECT country,
                   %s
            FROM posts
            WHERE %s AND outcome = 'scored'
            GROUP BY country
            ORDER BY posts DESC, country
            """.formatted(Sql.SENTIMENT, Sql.LAST_DAYS)),

    SENTIMENT_BY_HASHTAG("Sentiment by hashtag", "The 50 hashtags of the most scored posts of the last " + Sql.DAYS
            + " days: a post counts once under each of its hashtags; posts without one are left out.",
            Dataset.POSTS, """
            SELECT tag AS hashtag,
                   %s
            FROM posts
            CROSS JOIN UNNEST(hashtags) AS t(tag)
            WHERE %s AND outcome = 'scored'
            GROUP BY tag
            ORDER BY posts DESC, hashtag
            LIMIT 50
            """.formatted(Sql.SENTIMENT, Sql.LAST_DAYS)),

    SENTIMENT_BY_HOUR("Sentiment by hour of day", "Scored posts of the last " + Sql.DAYS + " days by the hour of "
            + "the day (UTC) they arrived on the stream.",
            Dataset.POSTS, """
            SELECT hour,
                   %s
            FROM posts
            WHERE %s AND outcome = 'scored'
            GROUP BY hour
            ORDER BY hour
            """.formatted(Sql.SENTIMENT, Sql.LAST_DAYS)),

    UNSCORED_AND_INVALID("Unscored and invalid records by reason", "Records of the last " + Sql.DAYS + " days that "
            + "got no score, by outcome and reason, with when each reason was first and last seen.",
            Dataset.POSTS, """
            SELECT outcome, reason,
                   COUNT(*) AS records,
                   MIN(processed_at) AS first_seen,
                   MAX(processed_at) AS last_seen
            FROM posts
            WHERE %s AND outcome IN ('unscored', 'invalid')
            GROUP BY outcome, reason
            ORDER BY records DESC, outcome, reason
            """.formatted(Sql.LAST_DAYS));

    /** The placeholder the stack fills with its {@code monthlyBudgetUsd} ({@link #sql(double)}). */
    public static final String MONTHLY_BUDGET_USD = Sql.MONTHLY_BUDGET_USD;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[A-Za-z]+}}");

    private final String title;
    private final String description;
    private final Dataset reads;
    private final String template;

    DatasetQuery(String title, String description, Dataset reads, String template) {
        this.title = title;
        this.description = description;
        this.reads = reads;
        this.template = template.strip();
    }

    /** The name it is saved under. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The one dataset it reads, by its table's name. */
    public Dataset reads() {
        return reads;
    }

    /** The text as written, placeholders included. */
    public String template() {
        return template;
    }

    /** The placeholders the text holds, in order, repeats included. */
    public List<String> placeholders() {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * The text to run, with {@link #MONTHLY_BUDGET_USD} written as a plain decimal literal ({@code 100},
     * {@code 250.5}), which both engines read as an exact number.
     */
    public String sql(double monthlyBudgetUsd) {
        if (!(monthlyBudgetUsd > 0) || Double.isInfinite(monthlyBudgetUsd)) {
            throw new IllegalArgumentException("the monthly budget must be a positive number of US dollars; was "
                    + monthlyBudgetUsd);
        }
        String budget = BigDecimal.valueOf(monthlyBudgetUsd).stripTrailingZeros().toPlainString();
        String sql = template.replace(MONTHLY_BUDGET_USD, budget);
        Matcher left = PLACEHOLDER.matcher(sql);
        if (left.find()) {
            throw new IllegalStateException("The query '" + title + "' has a placeholder " + left.group()
                    + " that sql(...) does not fill: give it a value there");
        }
        return sql;
    }

    /** The pieces the queries share, each written once. */
    private static final class Sql {

        static final int DAYS = 30;

        /**
         * The last {@value #DAYS} days and today, as {@code dt} strings. The inner cast matters to DuckDB only, where
         * a date less an interval is a timestamp, whose text ({@code 2026-11-01 00:00:00}) would sort after the
         * partition of that same day; in Athena it is a date already.
         */
        static final String LAST_DAYS = "dt >= CAST(CAST(CURRENT_DATE - INTERVAL '" + DAYS
                + "' DAY AS DATE) AS VARCHAR)";

        /** The current calendar month: DuckDB's DATE_TRUNC of a date is a timestamp too, Athena's a date. */
        static final String THIS_MONTH = "dt >= CAST(CAST(DATE_TRUNC('month', CURRENT_DATE) AS DATE) AS VARCHAR)";

        /** A post re-asked in a follow-up call counts once, in its first call. */
        static final String POSTS_ASKED = "SUM(CASE WHEN follow_up THEN 0 ELSE posts END)";

        /** Per group of scored posts: how many, by label, and the average score. */
        static final String SENTIMENT = """
                COUNT(*) AS posts,
                       SUM(CASE WHEN label = 'positive' THEN 1 ELSE 0 END) AS positive,
                       SUM(CASE WHEN label = 'negative' THEN 1 ELSE 0 END) AS negative,
                       SUM(CASE WHEN label = 'neutral' THEN 1 ELSE 0 END) AS neutral,
                       ROUND(AVG(score), 3) AS average_score""";

        static final String MONTHLY_BUDGET_USD = "{{monthlyBudgetUsd}}";

        private Sql() {
        }
    }
}
