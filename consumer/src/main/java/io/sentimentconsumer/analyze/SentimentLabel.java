package io.sentimentconsumer.analyze;

/** The label a score falls into: positive above 0.1, negative below -0.1, neutral in between. */
public enum SentimentLabel {
    POSITIVE, NEGATIVE, NEUTRAL;

    private static final double THRESHOLD = 0.1;

    public static SentimentLabel of(double score) {
        if (score > THRESHOLD) {
            return POSITIVE;
        }
        if (score < -THRESHOLD) {
            return NEGATIVE;
        }
        return NEUTRAL;
    }
}
