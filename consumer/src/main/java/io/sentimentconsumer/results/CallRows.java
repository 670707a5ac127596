package io.sentimentconsumer.results;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.ModelRoute;
import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Dataset#CALLS} row of a call: every column of the dataset, in its order, and nothing else. Money is
 * the ledger's exact {@code BigDecimal}, written as a plain number; an unpriced call has a null cost and
 * {@code priced = false}, never a cost of zero.
 */
final class CallRows {

    private final String modelId;
    private final String region;
    private final String routing;

    /**
     * @param modelId the configured model, every row's {@code model_id}; its routing is read from it
     * @param region  the Region calls are sent from and billed in; {@code null} when none is known
     */
    CallRows(String modelId, String region) {
        this.modelId = modelId;
        this.region = region;
        this.routing = ModelRoute.of(modelId).routing().key();
    }

    /**
     * @param invocationId the delivery that paid for the call
     * @param shard        where the delivery came from
     */
    Map<String, Object> row(CallRecord call, String invocationId, RecordOrigin shard) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : Dataset.CALLS.columns()) {
            row.put(column.name(), value(column.name(), call, invocationId, shard));
        }
        return row;
    }

    private Object value(String column, CallRecord call, String invocationId, RecordOrigin shard) {
        return switch (column) {
            case "call_id" -> call.callId();
            case "invocation_id" -> invocationId;
            case "called_at" -> call.calledAt() == null ? null : Dataset.TIMESTAMP_FORMAT.format(call.calledAt());
            case "model_id" -> modelId;
            case "region" -> region;
            case "routing" -> routing;
            case "served_tier" -> call.servedTier();
            case "batch" -> call.batch();
            case "follow_up" -> call.followUp();
            case "posts" -> call.posts();
            case "input_tokens" -> call.usage().inputTokens();
            case "output_tokens" -> call.usage().outputTokens();
            case "cache_read_input_tokens" -> call.usage().cacheReadInputTokens();
            case "cache_write_input_tokens" -> call.usage().cacheWriteInputTokens();
            case "total_tokens" -> call.usage().totalTokens();
            case "latency_ms" -> call.latencyMillis();
            case "duration_ms" -> call.durationMillis();
            case "cost_usd" -> call.costUsd();
            case "priced" -> call.priced();
            case "attempts" -> call.attempts().count();
            case "throttles" -> call.attempts().throttles();
            case "abandoned_attempts" -> call.attempts().abandoned();
            case "stream" -> shard.stream();
            case "shard_id" -> shard.shardId();
            default -> throw new IllegalStateException("calls column " + column + " has no value here: add it");
        };
    }
}
