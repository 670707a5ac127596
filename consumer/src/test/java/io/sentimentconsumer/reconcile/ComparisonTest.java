package io.sentimentconsumer.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The difference, its percentage of Bedrock's count, and the tolerance that judges it. */
class ComparisonTest {

    private static Comparison of(long oursInput, long oursOutput, long bedrockInput, long bedrockOutput) {
        return new Comparison(new Side(oursInput, oursOutput, true), new Side(bedrockInput, bedrockOutput, true), 0);
    }

    @Test
    void givesTheDifferenceOfInputPlusOutputInPercentOfBedrocksRoundedHalfUp() {
        // 1 of 800 is 0.125%.
        assertThat(of(700, 101, 700, 100).difference()).isEqualTo(1);
        assertThat(of(700, 101, 700, 100).percent()).isEqualByComparingTo("0.13");
        assertThat(of(700, 99, 700, 100).percent()).isEqualByComparingTo("-0.13");
    }

    @Test
    void countsAnHourWithOneSideOnlyAs100PercentWhateverItCounted() {
        assertThat(new Comparison(new Side(5, 0, true), Side.NONE, 0).percent()).isEqualByComparingTo("100");
        assertThat(new Comparison(Side.NONE, new Side(0, 0, true), 0).percent()).isEqualByComparingTo("-100");
        assertThat(new Tolerance(new BigDecimal("99.99")).isExceededBy(new Comparison(Side.NONE,
                new Side(0, 0, true), 0))).isTrue();
        assertThat(new Tolerance(new BigDecimal("100")).isExceededBy(new Comparison(Side.NONE,
                new Side(0, 0, true), 0))).isFalse();
    }

    @Test
    void countsOursAgainstABedrockZeroAs100Percent() {
        assertThat(of(10, 0, 0, 0).percent()).isEqualByComparingTo("100");
        assertThat(of(0, 0, 0, 0).percent()).isEqualByComparingTo("0");
        assertThat(Tolerance.parse("0%").isExceededBy(of(0, 0, 0, 0))).isFalse();
    }

    @Test
    void judgesTheBoundaryExactlyNotByTheRoundedPercentage() {
        // 1 of 300 is 0.333...%: rounded it prints 0.33, but it is over a 0.3333% tolerance and within 0.3334%.
        assertThat(of(301, 0, 300, 0).percent()).isEqualByComparingTo("0.33");
        assertThat(Tolerance.parse("0.3333%").isExceededBy(of(301, 0, 300, 0))).isTrue();
        assertThat(Tolerance.parse("0.3334%").isExceededBy(of(301, 0, 300, 0))).isFalse();
        assertThat(Tolerance.parse("1%").isExceededBy(of(101, 0, 100, 0))).isFalse();
    }

    @Test
    void addsUpSidesAndAbandonedAttempts() {
        Comparison total = new Comparison(new Side(1, 2, true), Side.NONE, 3)
                .plus(new Comparison(Side.NONE, new Side(4, 5, true), 6));

        assertThat(total).isEqualTo(new Comparison(new Side(1, 2, true), new Side(4, 5, true), 9));
    }

    @Test
    void readsATolerancePercentWithOrWithoutItsSign() {
        assertThat(Tolerance.parse("1%").percent()).isEqualByComparingTo("1");
        assertThat(Tolerance.parse(" 0.5 % ").percent()).isEqualByComparingTo("0.5");
        assertThat(Tolerance.parse("2").toString()).isEqualTo("2%");
        assertThatThrownBy(() -> Tolerance.parse("-1%")).hasMessage("a tolerance is 0% or more; was -1%");
    }
}
