package io.sentimentconsumer.estimate;

import java.math.BigDecimal;

/**
 * The traffic to size for: posts a day, spread evenly over its minutes, and how far above that even rate the busiest
 * minute goes.
 *
 * @param postsPerDay posts sent to the model a day (invalid records and repeats cost nothing and are not counted)
 * @param peakFactor  the busiest minute's rate over the day's even rate
 * @param batchSize   posts a call
 */
public record Volume(long postsPerDay, BigDecimal peakFactor, int batchSize) {

    static final int MINUTES_PER_DAY = 1440;
    static final int DAYS_PER_MONTH = 30;

    public Volume {
        if (postsPerDay < 1) {
            throw new IllegalArgumentException("--posts-per-day must be at least 1; was " + postsPerDay);
        }
        if (peakFactor.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("--peak-factor must be at least 1 (the even rate); was "
                    + peakFactor.toPlainString());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; was " + batchSize);
        }
    }

    /** Converse calls a minute at the even rate: posts a day / batch size / 1,440. */
    public BigDecimal requestsPerMinute() {
        return SampleTokens.ratio(postsPerDay, (long) batchSize * MINUTES_PER_DAY);
    }

    /** Tokens a minute at the even rate: posts a day × tokens a post / 1,440. */
    public BigDecimal tokensPerMinute(BigDecimal tokensPerPost) {
        return BigDecimal.valueOf(postsPerDay).multiply(tokensPerPost)
                .divide(BigDecimal.valueOf(MINUTES_PER_DAY), SampleTokens.PRECISION).stripTrailingZeros();
    }

    /** A rate at the busiest minute. */
    public BigDecimal peak(BigDecimal perMinute) {
        return perMinute.multiply(peakFactor).stripTrailingZeros();
    }
}
