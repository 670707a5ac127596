package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Dollars as people read them: half-up to six decimals, the consumer's own log lines' precision. */
public final class Money {

    /** What an unknown cost prints as: never $0. */
    public static final String UNPRICED = "unpriced";

    private Money() {}

    public static String usd(BigDecimal value) {
        return "$" + value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    public static String usd(Optional<BigDecimal> value) {
        return value.map(Money::usd).orElse(UNPRICED);
    }
}
