package io.sentimentconsumer.account;

/**
 * Where every record of an invocation ended: each is counted exactly once as scored (split by label), unscored,
 * invalid or handed back, so {@code recordsIn == scored + unscored + invalid + handedBack}. A KPL-aggregated
 * Kinesis record counts once per user record in it.
 *
 * @param truncated  posts whose text was cut to {@code MAX_POST_CHARS}
 * @param duplicates records repeating a post id seen earlier in the invocation: not sent again, they share the
 *                   first one's outcome (and are counted in it)
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
        int duplicates) {

    public static final RecordCounts NONE = new RecordCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int scored() {
        return positive + negative + neutral;
    }

    public RecordCounts plus(RecordCounts other) {
        return new RecordCounts(recordsIn + other.recordsIn, positive + other.positive, negative + other.negative,
                neutral + other.neutral, unscored + other.unscored, invalid + other.invalid,
                handedBack + other.handedBack, truncated + other.truncated, duplicates + other.duplicates);
    }
}
