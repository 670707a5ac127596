package io.sentimentconsumer.report;

/** What became of the records of one or more deliveries, as their summaries count them. */
public record Outcomes(long recordsIn, long scored, long positive, long negative, long neutral, long unscored,
                       long invalid, long handedBack) {

    public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0, 0);

    public Outcomes plus(Outcomes other) {
        return new Outcomes(recordsIn + other.recordsIn, scored + other.scored, positive + other.positive,
                negative + other.negative, neutral + other.neutral, unscored + other.unscored,
                invalid + other.invalid, handedBack + other.handedBack);
    }
}
