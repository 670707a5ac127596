package io.sentimentconsumer.account;

import static io.sentimentconsumer.events.Field.ABANDONED_ATTEMPTS;
import static io.sentimentconsumer.events.Field.API_CALLS;
import static io.sentimentconsumer.events.Field.ATTEMPTS;
import static io.sentimentconsumer.events.Field.AVG_TOKENS_PER_POST;
import static io.sentimentconsumer.events.Field.BY_TIER;
import static io.sentimentconsumer.events.Field.CACHE_READ_INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.CACHE_WRITE_INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.CALLS_WITHOUT_USAGE;
import static io.sentimentconsumer.events.Field.COST_USD;
import static io.sentimentconsumer.events.Field.DUPLICATES;
import static io.sentimentconsumer.events.Field.ESTIMATED;
import static io.sentimentconsumer.events.Field.FAILED_CALLS;
import static io.sentimentconsumer.events.Field.HANDED_BACK;
import static io.sentimentconsumer.events.Field.INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.INVALID;
import static io.sentimentconsumer.events.Field.MODEL_ID;
import static io.sentimentconsumer.events.Field.NEGATIVE;
import static io.sentimentconsumer.events.Field.NEUTRAL;
import static io.sentimentconsumer.events.Field.OUTPUT_TOKENS;
import static io.sentimentconsumer.events.Field.POSITIVE;
import static io.sentimentconsumer.events.Field.POSTS_ANALYZED;
import static io.sentimentconsumer.events.Field.RECORDS_IN;
import static io.sentimentconsumer.events.Field.REUSED;
import static io.sentimentconsumer.events.Field.SCORED;
import static io.sentimentconsumer.events.Field.THROTTLES;
import static io.sentimentconsumer.events.Field.TOTAL_TOKENS;
import static io.sentimentconsumer.events.Field.TRUNCATED;
import static io.sentimentconsumer.events.Field.UNPRICED_CALLS;
import static io.sentimentconsumer.events.Field.UNSCORED;

import io.sentimentconsumer.log.FieldWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every summary line reports, whichever runtime writes it and however many analyses it sums: the model, the
 * records' outcomes and the calls' tokens, cost and attempts.
 */
public record SummaryFigures(String modelId, boolean estimated, RecordCounts counts, CallTotals totals) {

    /** The figures of no analysis yet. */
    public static SummaryFigures none(String modelId, boolean estimated) {
        return new SummaryFigures(modelId, estimated, RecordCounts.NONE, CallTotals.NONE);
    }

    public SummaryFigures plus(RecordCounts moreCounts, CallTotals moreTotals) {
        return new SummaryFigures(modelId, estimated, counts.plus(moreCounts), totals.plus(moreTotals));
    }

    /** The summary line's text, starting with {@code title}: "Worker token summary: Total tokens: ...". */
    public String line(String title) {
        return UsageLines.summary(title, totals, estimated);
    }

    /** Writes the figures as fields, in the order of {@link io.sentimentconsumer.events.Field#SUMMARY_FIGURES}. */
    public void writeTo(FieldWriter fields) {
        TokenUsage usage = totals.usage();
        fields.put(MODEL_ID, modelId)
                .put(ESTIMATED, estimated)
                .put(RECORDS_IN, counts.recordsIn())
                .put(SCORED, counts.scored())
                .put(POSITIVE, counts.positive())
                .put(NEGATIVE, counts.negative())
                .put(NEUTRAL, counts.neutral())
                .put(UNSCORED, counts.unscored())
                .put(INVALID, counts.invalid())
                .put(HANDED_BACK, counts.handedBack())
                .put(TRUNCATED, counts.truncated())
                .put(DUPLICATES, counts.duplicates())
                .put(REUSED, counts.reused())
                .put(INPUT_TOKENS, usage.inputTokens())
                .put(OUTPUT_TOKENS, usage.outputTokens())
                .put(CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens())
                .put(CACHE_WRITE_INPUT_TOKENS, usage.cacheWriteInputTokens())
                .put(TOTAL_TOKENS, usage.totalTokens())
                .put(API_CALLS, totals.apiCalls())
                .put(POSTS_ANALYZED, totals.postsAnalyzed())
                .put(AVG_TOKENS_PER_POST, UsageLines.perPost(usage.totalTokens(), totals.postsAnalyzed()))
                .put(COST_USD, totals.costUsd())
                .put(UNPRICED_CALLS, totals.unpricedCalls())
                .put(CALLS_WITHOUT_USAGE, totals.callsWithoutUsage())
                .put(FAILED_CALLS, totals.failedCalls())
                .put(ATTEMPTS, totals.attempts())
                .put(THROTTLES, totals.throttles())
                .put(ABANDONED_ATTEMPTS, totals.abandonedAttempts())
                .put(BY_TIER, byTier());
    }

    private Map<String, Map<String, Object>> byTier() {
        Map<String, Map<String, Object>> byTier = new LinkedHashMap<>();
        totals.byTier().forEach((tier, tierTotals) -> byTier.put(tier, tierTotals.asFields()));
        return byTier;
    }
}
