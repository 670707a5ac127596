package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.analyze.SentimentLabel;

/**
 * Where one record ended. Exactly one of: scored (with score and label), unscored or invalid (with a reason), or
 * handed back for the runtime to deliver again (with a reason).
 */
public record RecordOutcome(String sequenceNumber, String postId, Kind kind, Double score, SentimentLabel label,
                            String reason) {

    public enum Kind { SCORED, UNSCORED, INVALID, HANDED_BACK }

    static RecordOutcome scored(String sequenceNumber, String postId, double score) {
        return new RecordOutcome(sequenceNumber, postId, Kind.SCORED, score, SentimentLabel.of(score), null);
    }

    static RecordOutcome of(String sequenceNumber, String postId, Kind kind, String reason) {
        return new RecordOutcome(sequenceNumber, postId, kind, null, null, reason);
    }
}
