package io.sentimentconsumer.analyze;

/** What analysis made of one post: a score, unscored with a reason, or handed back because its call failed. */
public sealed interface PostResult {

    /**
     * @param callId     the id of the call whose answer held the score ({@code null} when that call returned no
     *                   usage, so the ledger has no record of it)
     * @param servedTier the service tier that call was accounted to
     */
    record Scored(double score, String callId, String servedTier) implements PostResult {

        /** A score whose call is not known. */
        public Scored(double score) {
            this(score, null, null);
        }
    }

    record Unscored(String reason) implements PostResult {}

    record HandedBack(String reason) implements PostResult {}
}
