package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.util.Objects;

/**
 * One user record's outcome and what its results row needs besides: where the record came from, and the post it
 * carried.
 *
 * @param origin {@code null} when the runtime did not say where the record came from
 * @param post   {@code null} for a record that carries no post (invalid), or one the invocation never decoded
 */
public record RecordResult(RecordOutcome outcome, RecordOrigin origin, Post post) {

    public RecordResult {
        Objects.requireNonNull(outcome, "outcome");
    }
}
