package io.sentimentconsumer.events;

import static io.sentimentconsumer.events.LogEvent.BATCH_HANDED_BACK;
import static io.sentimentconsumer.events.LogEvent.BEDROCK_CALL;
import static io.sentimentconsumer.events.LogEvent.INVALID_RECORD;
import static io.sentimentconsumer.events.LogEvent.INVOCATION_SUMMARY;
import static io.sentimentconsumer.events.LogEvent.WORKER_SUMMARY;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Logs Insights query the stack saves for the consumer's log groups, written against the events it reads, so
 * that a query can only name events that exist and a test can check that the runtimes writing to its log groups
 * write them.
 *
 * @param events the events it reads: its first filter is {@code event} being one of them
 * @param fields the {@code fields} clause (empty for none)
 * @param filters further filters
 * @param stats  the {@code stats} clause ({@code null} for none)
 * @param sort   the {@code sort} clause
 * @param limit  the {@code limit} ({@code null} for none)
 */
public record SavedQuery(String name, List<LogEvent> events, List<String> fields, List<String> filters,
                         String stats, String sort, Integer limit) {

    /** The summary of a delivery, whichever runtime wrote it: Lambda's invocations and the worker's calls. */
    private static final List<LogEvent> SUMMARIES = List.of(INVOCATION_SUMMARY, WORKER_SUMMARY);

    public static final List<SavedQuery> ALL = List.of(
            new SavedQuery("Cost by hour", List.of(BEDROCK_CALL), List.of(), List.of(),
                    "sum(costUsd) as costUsd, sum(totalTokens) as totalTokens, sum(inputTokens) as inputTokens, "
                            + "sum(outputTokens) as outputTokens, count(*) as calls by bin(1h) as hour",
                    "hour desc", null),
            new SavedQuery("Top 20 batches by tokens", List.of(BEDROCK_CALL),
                    List.of("@timestamp", "@requestId", "modelId", "batch", "followUp", "posts", "totalTokens",
                            "inputTokens", "outputTokens", "tokensPerPost", "costUsd", "stopReason", "attempts"),
                    List.of(), null, "totalTokens desc", 20),
            new SavedQuery("Tokens per post percentiles", List.of(BEDROCK_CALL), List.of(), List.of("posts > 0"),
                    "pct(tokensPerPost, 50) as p50, pct(tokensPerPost, 90) as p90, pct(tokensPerPost, 99) as p99, "
                            + "max(tokensPerPost) as maximum, count(*) as calls by bin(1h) as hour",
                    "hour desc", null),
            new SavedQuery("Invalid records by reason", List.of(INVALID_RECORD), List.of(), List.of(),
                    "count(*) as records, earliest(sequenceNumber) as firstSequenceNumber by reason",
                    "records desc", null),
            new SavedQuery("Handed-back batches", List.of(BATCH_HANDED_BACK),
                    List.of("@timestamp", "@requestId", "batch", "records", "firstSequenceNumber", "error"),
                    List.of(), null, "@timestamp desc", 100),
            new SavedQuery("Comparison by model", SUMMARIES, List.of(), List.of(),
                    "sum(postsAnalyzed) as posts, sum(totalTokens) as tokens, sum(costUsd) as costUsd, "
                            + "sum(totalTokens) / sum(postsAnalyzed) as tokensPerPost, "
                            + "1000 * sum(costUsd) / sum(postsAnalyzed) as costPer1000Posts, "
                            + "sum(unscored) as unscored, sum(handedBack) as handedBack, sum(throttles) as throttles, "
                            + "sum(apiCalls) as apiCalls by modelId",
                    "costUsd desc", null));

    public SavedQuery {
        events = List.copyOf(events);
        fields = List.copyOf(fields);
        filters = List.copyOf(filters);
    }

    /** The filter on {@code event}: {@code event = "x"}, or {@code event in ["x", "y"]}. */
    public String eventFilter() {
        if (events.size() == 1) {
            return "event = \"" + events.get(0).id() + "\"";
        }
        return events.stream().map(e -> "\"" + e.id() + "\"").collect(Collectors.joining(", ", "event in [", "]"));
    }

    /** Every filter, the one on {@code event} first. */
    public List<String> allFilters() {
        List<String> all = new ArrayList<>();
        all.add(eventFilter());
        all.addAll(filters);
        return all;
    }

    /** Whether the query reads anything {@code writer} writes. */
    public boolean readsFrom(Writer writer) {
        return events.stream().anyMatch(e -> e.writtenBy(writer));
    }
}
