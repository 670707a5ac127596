package io.sentimentconsumer.estimate;

import io.sentimentconsumer.account.TokenUsage;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What real calls of a sample's batches measured, next to what {@link SampleTokens}' method estimates for exactly
 * those calls, and what they cost.
 *
 * @param calls     calls answered with usage
 * @param posts     posts those calls carried
 * @param measured  the usage the service reported, summed
 * @param estimated the estimate of the same requests and their expected answers
 * @param cost      USD, priced by the table; empty when a call could not be priced ({@code unpricedReason})
 * @param failure   why calibration stopped before all its calls were answered; empty when it did not
 */
public record CalibrationResult(EstimateModels.Choice model, int calls, int posts, TokenUsage measured, TokenUsage estimated,
                                Optional<BigDecimal> cost, Optional<String> unpricedReason,
                                Optional<String> failure) {

    public Optional<BigDecimal> measuredInputPerPost() {
        return perPost(measured.inputTokens());
    }

    public Optional<BigDecimal> measuredOutputPerPost() {
        return perPost(measured.outputTokens());
    }

    public Optional<BigDecimal> estimatedInputPerPost() {
        return perPost(estimated.inputTokens());
    }

    public Optional<BigDecimal> estimatedOutputPerPost() {
        return perPost(estimated.outputTokens());
    }

    /** Measured over estimated input tokens: above 1, the estimate counts low. */
    public Optional<BigDecimal> inputRatio() {
        return ratio(measured.inputTokens(), estimated.inputTokens());
    }

    public Optional<BigDecimal> outputRatio() {
        return ratio(measured.outputTokens(), estimated.outputTokens());
    }

    private Optional<BigDecimal> perPost(long tokens) {
        return ratio(tokens, posts);
    }

    private static Optional<BigDecimal> ratio(long numerator, long denominator) {
        return denominator == 0 ? Optional.empty() : Optional.of(SampleTokens.ratio(numerator, denominator));
    }
}
