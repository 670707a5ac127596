package io.sentimentconsumer.account;

/**
 * Where every record of an invocation ended: each is counted exactly once as scored (split by label), unscored,
 * invalid or handed back, so {@code recordsIn == scored + unscored + invalid + handedBack}.
 */
public record RecordCounts(
        int recordsIn,
        int positive,
        int negative,
        int neutral,
        int unscored,
        int invalid,
        int handedBack,
        int truncated) {

    public int scored() {
        return positive + negative + neutral;
    }
}
