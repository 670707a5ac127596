package io.sentimentconsumer.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two log lines users tail and build metric filters on. Their text is a contract: change it only together
 * with docs/observability.md and the golden tests. Money is exact until here and rounded half-up only to print.
 */
public final class UsageLines {

    public static final String CALL_PREFIX = "Bedrock API token usage";
    public static final String ESTIMATED = " (estimated)";

    private UsageLines() {}

    public static String call(CallRecord call, boolean estimated) {
        TokenUsage u = call.usage();
        StringBuilder line = new StringBuilder(CALL_PREFIX).append(estimated ? ESTIMATED : "")
                .append(": Input tokens: ").append(u.inputTokens())
                .append(", Output tokens: ").append(u.outputTokens())
                .append(", Total tokens: ").append(u.totalTokens())
                .append(", Posts analyzed: ").append(call.posts())
                .append(", Tokens per post: ").append(perPost(u.totalTokens(), call.posts()))
                .append(", Duration: ").append(twoDecimals(BigDecimal.valueOf(call.durationMillis()))).append("ms")
                .append(", Estimated cost: ").append(dollars(call.costUsd()));
        if (u.hasCacheTokens()) {
            line.append(", Cache read tokens: ").append(u.cacheReadInputTokens())
                    .append(", Cache write tokens: ").append(u.cacheWriteInputTokens());
        }
        // The seed's line as it was for the default tier; a call billed at another tier's rate says so.
        if (call.offDefaultTier()) {
            line.append(", Service tier: ").append(call.servedTier() == null ? "unknown" : call.servedTier());
        }
        return line.toString();
    }

    /** {@code title} names the runtime: "Lambda invocation token summary", "Worker token summary", ... */
    public static String summary(String title, CallTotals totals, boolean estimated) {
        TokenUsage u = totals.usage();
        StringBuilder line = new StringBuilder(title).append(estimated ? ESTIMATED : "")
                .append(": Total tokens: ").append(u.totalTokens())
                .append(" (Input: ").append(u.inputTokens())
                .append(", Output: ").append(u.outputTokens());
        if (u.hasCacheTokens()) {
            line.append(", Cache read: ").append(u.cacheReadInputTokens())
                    .append(", Cache write: ").append(u.cacheWriteInputTokens());
        }
        return line.append(")")
                .append(", API calls: ").append(totals.apiCalls())
                .append(", Posts analyzed: ").append(totals.postsAnalyzed())
                .append(", Avg tokens/post: ").append(perPost(u.totalTokens(), totals.postsAnalyzed()))
                .append(", Total cost: ").append(dollars(totals.costUsd()))
                .toString();
    }

    /** A figure as a log field (milliseconds, a concurrency limit): to the hundredth, as the lines print them. */
    public static double hundredths(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    public static BigDecimal perPost(long tokens, int posts) {
        if (posts == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(tokens).divide(BigDecimal.valueOf(posts), 2, RoundingMode.HALF_UP);
    }

    public static String dollars(BigDecimal usd) {
        return usd == null ? "unpriced" : "$" + usd.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
