package io.sentimentconsumer.report;

import java.math.BigDecimal;

/**
 * Student's t at 95% (one-sided), the multiplier of a two-sided 90% interval, by degrees of freedom; from the
 * standard table. Past 30 degrees of freedom it stays at 30's value, which is slightly wider than the exact one.
 */
final class StudentT {

    private static final double[] T95 = {6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
        1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708,
        1.706, 1.703, 1.701, 1.699, 1.697};

    private StudentT() {}

    static BigDecimal t95(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a t quantile needs at least 1 degree of freedom; was " + degreesOfFreedom);
        }
        return BigDecimal.valueOf(T95[Math.min(degreesOfFreedom, T95.length) - 1]);
    }
}
