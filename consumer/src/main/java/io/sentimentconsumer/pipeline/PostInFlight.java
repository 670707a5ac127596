package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.analyze.PostResult;
import io.sentimentconsumer.ingest.Post;

/**
 * One user record on its way through an invocation, from the moment it is unpacked to its outcome: what it
 * carries (the post's id and its text as the model sees it), whether an earlier delivery already finished it or
 * it repeats a post of this delivery, and where it ended.
 */
final class PostInFlight {

    private final UserRecord record;
    /** The decoded post, for its results row; {@code null} while undecoded, and for an invalid record. */
    private Post post;
    private String postId;
    /** The text sent to the model; {@code null} for a record that is not sent (invalid, reused, a repeat). */
    private String text;
    private PostInFlight repeats;
    private boolean reused;
    private RecordOutcome outcome;

    PostInFlight(UserRecord record) {
        this.record = record;
    }

    UserRecord record() {
        return record;
    }

    String text() {
        return text;
    }

    boolean reused() {
        return reused;
    }

    Post post() {
        return post;
    }

    /**
     * Finished by an earlier delivery to this environment: its outcome stands, with no model call.
     *
     * @param decoded the post decoded again for its results row; {@code null} when the record carries none
     */
    void reuse(RecordOutcome earlier, Post decoded) {
        outcome = earlier;
        post = decoded;
        reused = true;
    }

    void invalid(String reason) {
        outcome = new RecordOutcome.Invalid(record.sequenceNumber(), record.subSequenceNumber(), postId, reason);
    }

    /** A valid post, sent to the model as {@code text}. */
    void send(Post decoded, String text) {
        this.post = decoded;
        this.postId = decoded.id();
        this.text = text;
    }

    /** A valid post that repeats {@code first} (same id, same content): it shares the first one's outcome. */
    void repeat(Post decoded, PostInFlight first) {
        this.post = decoded;
        this.postId = decoded.id();
        this.repeats = first;
    }

    void finish(PostResult result) {
        String seq = record.sequenceNumber();
        Integer sub = record.subSequenceNumber();
        if (result instanceof PostResult.Scored scored) {
            outcome = new RecordOutcome.Scored(seq, sub, postId, scored.score(), null, scored.callId(),
                    scored.servedTier());
        } else if (result instanceof PostResult.Unscored unscored) {
            outcome = new RecordOutcome.Unscored(seq, sub, postId, unscored.reason());
        } else {
            outcome = new RecordOutcome.HandedBack(seq, sub, postId, ((PostResult.HandedBack) result).reason());
        }
    }

    void handBack(String reason) {
        outcome = new RecordOutcome.HandedBack(record.sequenceNumber(), record.subSequenceNumber(), postId, reason);
    }

    /** A repeat takes the outcome of the post it repeats, once that has one. */
    void takeRepeatedOutcome() {
        if (repeats != null && repeats.outcome != null) {
            outcome = repeats.outcome.sharedWith(record.sequenceNumber(), record.subSequenceNumber());
        }
    }

    /** Where the record ended; one the invocation never reached (it failed part-way) is handed back. */
    RecordOutcome outcome() {
        if (outcome == null) {
            handBack("invocation failed before this record was finished");
        }
        return outcome;
    }

    boolean finished() {
        return outcome != null;
    }
}
