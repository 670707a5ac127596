package io.sentimentconsumer.reconcile;

import java.math.BigDecimal;

/** How many percent of Bedrock's count ours may differ from it by; a difference of exactly that much is within. */
public record Tolerance(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tolerance {
        if (percent.signum() < 0) {
            throw new IllegalArgumentException("a tolerance is 0% or more; was " + percent.toPlainString() + "%");
        }
    }

    /** {@code 1%}, {@code 0.5%} or {@code 2} (percent either way). */
    public static Tolerance parse(String value) {
        String number = value.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            return new Tolerance(new BigDecimal(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a tolerance is a percentage such as 1% or 0.5%; was '" + value + "'",
                    e);
        }
    }

    /**
     * Whether the comparison's difference is more than this many percent of Bedrock's count, computed exactly
     * (no rounding decides a boundary case). Only one side with data, or Bedrock at zero against ours above it,
     * is a difference of 100%.
     */
    public boolean isExceededBy(Comparison comparison) {
        long bedrock = comparison.bedrock().total();
        if (comparison.oneSided() || bedrock == 0) {
            return comparison.percent().abs().compareTo(percent) > 0;   // exactly 100 or 0
        }
        return BigDecimal.valueOf(Math.abs(comparison.difference())).multiply(HUNDRED)
                .compareTo(percent.multiply(BigDecimal.valueOf(bedrock))) > 0;
    }

    /** As it is printed: {@code 1%}, {@code 0.5%}. */
    @Override
    public String toString() {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
