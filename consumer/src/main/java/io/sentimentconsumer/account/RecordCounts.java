package io.sentimentconsumer.account;

/**
 * Where every record of an invocation ended: each is counted exactly once as scored (split by label), unscored,
 * invalid, handed back, or reused, so {@code recordsIn == scored + unscored + invalid + handedBack + reused}. A
 * KPL-aggregated Kinesis record counts once per user record in it.
 *
 * @param truncated  posts whose text was cut to {@code MAX_POST_CHARS}
 * @param duplicates records repeating a post seen earlier in the invocation, the same id with the same content (a
 *                   post without an id is never one): not sent again, they share the first one's outcome (and are
 *                   counted in it)
 * @param reused     records an earlier delivery already finished: their outcome is reused, with no model call, and
 *                   counted there, not again here (so the sentiment counts count each post once)
 */
public record RecordCounts(
        int recordsIn,
        int positive,
        int negative,
        int neutral,
        int unscored,
        int invalid,
        int handedBack,
        int truncated,
        int duplicates,
        int reused) {

    public static final RecordCounts NONE = new RecordCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counts of an invocation without reused outcomes. */
    public RecordCounts(int recordsIn, int positive, int negative, int neutral, int unscored, int invalid,
                        int handedBack, int truncated, int duplicates) {
        this(recordsIn, positive, negative, neutral, unscored, invalid, handedBack, truncated, duplicates, 0);
    }

    public int scored() {
        return positive + negative + neutral;
    }

    public RecordCounts plus(RecordCounts other) {
        return new RecordCounts(recordsIn + other.recordsIn, positive + other.positive, negative + other.negative,
                neutral + other.neutral, unscored + other.unscored, invalid + other.invalid,
                handedBack + other.handedBack, truncated + other.truncated, duplicates + other.duplicates,
                reused + other.reused);
    }
}
