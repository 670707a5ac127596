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

    /** Counts records one outcome at a time. */
    public static Tally tally() {
        return new Tally();
    }

    /** Adds up where records ended; not thread-safe, for one invocation's thread. */
    public static final class Tally {
        private int recordsIn;
        private int positive;
        private int negative;
        private int neutral;
        private int unscored;
        private int invalid;
        private int handedBack;
        private int truncated;
        private int duplicates;
        private int reused;

        private Tally() {}

        public Tally positive() {
            recordsIn++;
            positive++;
            return this;
        }

        public Tally negative() {
            recordsIn++;
            negative++;
            return this;
        }

        public Tally neutral() {
            recordsIn++;
            neutral++;
            return this;
        }

        public Tally unscored() {
            recordsIn++;
            unscored++;
            return this;
        }

        public Tally invalid() {
            recordsIn++;
            invalid++;
            return this;
        }

        public Tally handedBack() {
            recordsIn++;
            handedBack++;
            return this;
        }

        /** A record whose outcome an earlier delivery produced, and counted. */
        public Tally reused() {
            recordsIn++;
            reused++;
            return this;
        }

        public Tally truncated(int posts) {
            truncated += posts;
            return this;
        }

        public Tally duplicates(int posts) {
            duplicates += posts;
            return this;
        }

        public RecordCounts counts() {
            return new RecordCounts(recordsIn, positive, negative, neutral, unscored, invalid, handedBack, truncated,
                    duplicates, reused);
        }
    }
}
