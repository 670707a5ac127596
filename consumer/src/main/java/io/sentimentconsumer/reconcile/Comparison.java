package io.sentimentconsumer.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Our tokens against Bedrock's, for one model over an hour or a whole range, with the attempts we abandoned in the
 * same time: sent without an answer, so Bedrock may have counted (and billed) them while we could not.
 */
public record Comparison(Side ours, Side bedrock, long abandonedAttempts) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Ours minus Bedrock's, input + output tokens: positive when we counted more. */
    public long difference() {
        return ours.total() - bedrock.total();
    }

    /** Whether only one of the two sides published anything. */
    public boolean oneSided() {
        return ours.hasData() != bedrock.hasData();
    }

    /**
     * The difference in percent of Bedrock's count, signed, to two decimals: plus or minus 100 when only one side
     * has data (or Bedrock counted none against ours), 0 when neither counted a token.
     */
    public BigDecimal percent() {
        if (oneSided()) {
            return (ours.hasData() ? HUNDRED : HUNDRED.negate()).setScale(2);
        }
        long base = bedrock.total();
        if (base == 0) {
            return BigDecimal.valueOf(Long.signum(difference())).multiply(HUNDRED).setScale(2);
        }
        return BigDecimal.valueOf(difference()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
    }

    public Comparison plus(Comparison other) {
        return new Comparison(ours.plus(other.ours), bedrock.plus(other.bedrock),
                abandonedAttempts + other.abandonedAttempts);
    }

    /** Nothing on either side. */
    public static Comparison none() {
        return new Comparison(Side.NONE, Side.NONE, 0);
    }
}
