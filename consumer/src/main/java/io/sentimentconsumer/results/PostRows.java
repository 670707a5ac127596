package io.sentimentconsumer.results;

import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.RecordOrigin;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.RecordResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link Dataset#POSTS} row of a record: every column of the dataset, in its order, and nothing else, so that
 * the Glue table and the saved queries read exactly what is written. The post's text only when chosen.
 */
final class PostRows {

    private final String modelId;
    private final boolean includeText;

    /**
     * @param modelId     the configured model, every row's {@code model_id}
     * @param includeText whether rows carry the post's text ({@code RESULTS_INCLUDE_TEXT})
     */
    PostRows(String modelId, boolean includeText) {
        this.modelId = modelId;
        this.includeText = includeText;
    }

    Map<String, Object> row(RecordResult record, Instant processedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : Dataset.POSTS.columns()) {
            row.put(column.name(), value(column.name(), record, processedAt));
        }
        return row;
    }

    private Object value(String column, RecordResult record, Instant processedAt) {
        RecordOutcome outcome = record.outcome();
        RecordOrigin origin = record.origin();
        Post post = record.post();
        return switch (column) {
            case "post_id" -> outcome.postId() != null ? outcome.postId() : position(record);
            case "user_id" -> post == null ? null : post.userId();
            case "posted_at" -> post == null || post.timestamp() == null ? null : post.timestamp().toString();
            case "country" -> post == null || post.location() == null ? null : post.location().country();
            case "city" -> post == null || post.location() == null ? null : post.location().city();
            case "hashtags" -> post == null ? null : post.hashtags();
            case "post_type" -> post == null || post.postType() == null ? null
                    : post.postType().name().toLowerCase(Locale.ROOT);
            case "engagement_score" -> post == null ? null : post.engagementScore();
            case "outcome" -> outcome.kind().name().toLowerCase(Locale.ROOT);
            case "score" -> outcome.score();
            case "label" -> outcome.label() == null ? null : outcome.label().name().toLowerCase(Locale.ROOT);
            case "reason" -> outcome.reason();
            case "model_id" -> modelId;
            case "served_tier" -> outcome instanceof RecordOutcome.Scored scored ? scored.servedTier() : null;
            case "call_id" -> outcome instanceof RecordOutcome.Scored scored ? scored.callId() : null;
            case "stream" -> origin.stream();
            case "shard_id" -> origin.shardId();
            case "sequence_number" -> origin.sequenceNumber();
            case "sub_sequence_number" -> subSequenceNumber(record);
            case "processed_at" -> Dataset.TIMESTAMP_FORMAT.format(processedAt);
            case "text" -> includeText && post != null ? post.content() : null;
            default -> throw new IllegalStateException("posts column " + column + " has no value here: add it");
        };
    }

    /**
     * The user record's position inside a KPL aggregate: the one the runtime unpacked (KCL), else the one the
     * pipeline unpacked; {@code null} for a record outside any aggregate.
     */
    private static Long subSequenceNumber(RecordResult record) {
        if (record.origin().subSequenceNumber() != null) {
            return record.origin().subSequenceNumber();
        }
        Integer unpacked = record.outcome().subSequenceNumber();
        return unpacked == null ? null : unpacked.longValue();
    }

    /** A record without a post id is named by its place on the shard: sequence number, then sub-sequence number. */
    private static String position(RecordResult record) {
        Long sub = subSequenceNumber(record);
        return record.origin().sequenceNumber() + (sub == null ? "" : "/" + sub);
    }
}
