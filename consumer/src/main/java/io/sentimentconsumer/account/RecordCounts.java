package io.sentimentconsumer.account;

/**
 * Where every record of an invocation ended: each is counted exactly once as scored (split by label), unscored,
 * invalid, handed back, or reused, so {@link #recordsIn()} is their sum. A KPL-aggregated Kinesis record counts once
 * per user record in it.
 *
 * @param truncated  posts whose text was cut to {@code MAX_POST_CHARS}
 * @param duplicates records repeating a post seen earlier in the invocation, the same id with the same content (a
 *                   post without an id is never one): not sent again, they share the first one's outcome (and are
 *                   counted in it)
 * @param reused     records an earlier delivery already finished: their outcome is reused, with no model call, and
 *                   counted there, not again here (so the sentiment counts count each post once)
 */
public record RecordCounts(
        int positive,
        int negative,
        int neutral,
        int unscored,
        int invalid,
        int handedBack,
        int truncated,
        int duplicates,
        int reused) {

    public static final RecordCounts NONE = builder().build();

    /** Counts that start at zero and add up by name. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every record, each counted once where it ended. */
    public int recordsIn() {
        return scored() + unscored + invalid + handedBack + reused;
    }

    public int scored() {
        return positive + negative + neutral;
    }

    public RecordCounts plus(RecordCounts other) {
        return new RecordCounts(positive + other.positive, negative + other.negative, neutral + other.neutral,
                unscored + other.unscored, invalid + other.invalid, handedBack + other.handedBack,
                truncated + other.truncated, duplicates + other.duplicates, reused + other.reused);
    }

    /** Adds up where records ended, by name; each call adds to its count. Not thread-safe. */
    public static final class Builder {
        private int positive;
        private int negative;
        private int neutral;
        private int unscored;
        private int invalid;
        private int handedBack;
        private int truncated;
        private int duplicates;
        private int reused;

        private Builder() {}

        public Builder positive(int records) {
            positive += records;
            return this;
        }

        public Builder negative(int records) {
            negative += records;
            return this;
        }

        public Builder neutral(int records) {
            neutral += records;
            return this;
        }

        public Builder unscored(int records) {
            unscored += records;
            return this;
        }

        public Builder invalid(int records) {
            invalid += records;
            return this;
        }

        public Builder handedBack(int records) {
            handedBack += records;
            return this;
        }

        /** Records whose outcome an earlier delivery produced, and counted. */
        public Builder reused(int records) {
            reused += records;
            return this;
        }

        public Builder truncated(int posts) {
            truncated += posts;
            return this;
        }

        public Builder duplicates(int posts) {
            duplicates += posts;
            return this;
        }

        public RecordCounts build() {
            return new RecordCounts(positive, negative, neutral, unscored, invalid, handedBack, truncated,
                    duplicates, reused);
        }
    }
}
