package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.analyze.SentimentLabel;

/**
 * Where one record ended: scored (with its score and label), unscored or invalid (with a reason), or handed back for
 * the runtime to deliver again (with a reason). Sealed, like {@link io.sentimentconsumer.analyze.PostResult}: these
 * four are all there is.
 *
 * <p>Every outcome names its record: the Kinesis sequence number, and the user record's position inside a
 * KPL-aggregated Kinesis record ({@code subSequenceNumber}, else {@code null}); the Kinesis record is what the
 * runtime hands back. {@code postId} is the post's id where the record had one.
 */
public sealed interface RecordOutcome {

    enum Kind { SCORED, UNSCORED, INVALID, HANDED_BACK }

    String sequenceNumber();

    Integer subSequenceNumber();

    String postId();

    Kind kind();

    /** Why the record has no score, or for a repeat whose post it shares; {@code null} for a scored record. */
    String reason();

    /** The score, for a scored record; else {@code null}. */
    default Double score() {
        return null;
    }

    /** The score's label, for a scored record; else {@code null}. */
    default SentimentLabel label() {
        return null;
    }

    /** The same outcome for another record carrying the same post. */
    RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber);

    /**
     * A post the model scored; {@code reason} is set only for a repeat that shares another record's score.
     *
     * @param callId     the call whose answer held the score (a calls row's {@code call_id}); {@code null} when that
     *                   call returned no usage
     * @param servedTier the service tier that call was accounted to
     */
    record Scored(String sequenceNumber, Integer subSequenceNumber, String postId, double value, String reason,
                  String callId, String servedTier) implements RecordOutcome {

        /** A score whose call is not known. */
        public Scored(String sequenceNumber, Integer subSequenceNumber, String postId, double value, String reason) {
            this(sequenceNumber, subSequenceNumber, postId, value, reason, null, null);
        }

        @Override
        public Kind kind() {
            return Kind.SCORED;
        }

        @Override
        public Double score() {
            return value;
        }

        @Override
        public SentimentLabel label() {
            return SentimentLabel.of(value);
        }

        @Override
        public RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber) {
            return new Scored(otherSequenceNumber, otherSubSequenceNumber, postId, value,
                    shared(sequenceNumber, reason), callId, servedTier);
        }
    }

    /** A post the model answered, without a usable score for it. */
    record Unscored(String sequenceNumber, Integer subSequenceNumber, String postId, String reason)
            implements RecordOutcome {
        @Override
        public Kind kind() {
            return Kind.UNSCORED;
        }

        @Override
        public RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber) {
            return new Unscored(otherSequenceNumber, otherSubSequenceNumber, postId, shared(sequenceNumber, reason));
        }
    }

    /** A record that cannot carry a post. */
    record Invalid(String sequenceNumber, Integer subSequenceNumber, String postId, String reason)
            implements RecordOutcome {
        @Override
        public Kind kind() {
            return Kind.INVALID;
        }

        @Override
        public RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber) {
            return new Invalid(otherSequenceNumber, otherSubSequenceNumber, postId, shared(sequenceNumber, reason));
        }
    }

    /** A record without a final outcome yet: the runtime delivers it again. */
    record HandedBack(String sequenceNumber, Integer subSequenceNumber, String postId, String reason)
            implements RecordOutcome {
        @Override
        public Kind kind() {
            return Kind.HANDED_BACK;
        }

        @Override
        public RecordOutcome sharedWith(String otherSequenceNumber, Integer otherSubSequenceNumber) {
            return new HandedBack(otherSequenceNumber, otherSubSequenceNumber, postId,
                    shared(sequenceNumber, reason));
        }
    }

    private static String shared(String firstSequenceNumber, String reason) {
        return "duplicate of the post at sequence number " + firstSequenceNumber + (reason == null ? "" : "; " + reason);
    }
}
