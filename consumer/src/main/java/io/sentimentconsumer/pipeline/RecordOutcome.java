package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.analyze.SentimentLabel;

/**
 * Where one record ended. Exactly one of: scored (with score and label), unscored or invalid (with a reason), or
 * handed back for the runtime to deliver again (with a reason).
 *
 * @param subSequenceNumber the user record's position inside a KPL-aggregated Kinesis record, else {@code null};
 *                          the Kinesis record is what the runtime hands back
 */
public record RecordOutcome(String sequenceNumber, Integer subSequenceNumber, String postId, Kind kind, Double score,
                            SentimentLabel label, String reason) {

    public enum Kind { SCORED, UNSCORED, INVALID, HANDED_BACK }

    /** The same outcome for another record carrying the same post. */
    RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber) {
        return new RecordOutcome(otherSequenceNumber, otherSubSequenceNumber, postId, kind, score, label,
                "duplicate of the post at sequence number " + sequenceNumber
                        + (reason == null ? "" : "; " + reason));
    }
}
