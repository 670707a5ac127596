package io.sentimentconsumer.estimate;

import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceLookup;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one model in one Region would cost and need at a volume. Every figure is exact ({@link
 * SampleTokens#PRECISION} where a quotient does not end); rounding is for printing. A model the price table cannot
 * price has no cost, never $0.
 */
public record ModelEstimate(EstimateModels.Choice model, SampleTokens tokens, Volume volume, PriceLookup price,
                            Optional<Quota> quota) {

    public String modelId() {
        return model.modelId();
    }

    public PriceKey key() {
        return model.key();
    }

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** USD a post: tokens a post × USD per million tokens / 1,000,000, input and output each at its rate. */
    public Optional<BigDecimal> costPerPost() {
        return price.found().map(this::costPerPost);
    }

    private BigDecimal costPerPost(ModelPrice rates) {
        return tokens.inputPerPost().multiply(rates.inputPerMillion())
                .add(tokens.outputPerPost().multiply(rates.outputPerMillion()))
                .movePointLeft(6)
                .stripTrailingZeros();
    }

    public Optional<BigDecimal> costPer1000Posts() {
        return costPerPost().map(perPost -> perPost.multiply(THOUSAND).stripTrailingZeros());
    }

    public Optional<BigDecimal> costPerDay() {
        return costPerPost().map(perPost -> perPost.multiply(BigDecimal.valueOf(volume.postsPerDay()))
                .stripTrailingZeros());
    }

    public Optional<BigDecimal> costPer30Days() {
        return costPerDay().map(perDay -> perDay.multiply(BigDecimal.valueOf(Volume.DAYS_PER_MONTH))
                .stripTrailingZeros());
    }

    /** Why there is no cost; empty when priced. */
    public Optional<String> unpricedReason() {
        return price instanceof PriceLookup.Unpriced unpriced ? Optional.of(unpriced.reason()) : Optional.empty();
    }

    public BigDecimal requestsPerMinute() {
        return volume.requestsPerMinute();
    }

    public BigDecimal requestsPerMinuteAtPeak() {
        return volume.peak(requestsPerMinute());
    }

    /** Input and output together, as the bedrock-runtime quota counts them. */
    public BigDecimal tokensPerMinute() {
        return volume.tokensPerMinute(tokens.totalPerPost());
    }

    public BigDecimal tokensPerMinuteAtPeak() {
        return volume.peak(tokensPerMinute());
    }

    /** The peak's share of the tokens-per-minute quota (1 is all of it), when the quota is known. */
    public Optional<BigDecimal> peakShareOfTokensQuota() {
        return share(tokensPerMinuteAtPeak(), quota.map(Quota::tokensPerMinute));
    }

    /** The peak's share of the requests-per-minute quota (1 is all of it), when the quota is known. */
    public Optional<BigDecimal> peakShareOfRequestsQuota() {
        return share(requestsPerMinuteAtPeak(), quota.map(Quota::requestsPerMinute));
    }

    private static Optional<BigDecimal> share(BigDecimal needed, Optional<OptionalLong> limit) {
        return limit.filter(OptionalLong::isPresent)
                .map(value -> needed.divide(BigDecimal.valueOf(value.getAsLong()), SampleTokens.PRECISION)
                        .stripTrailingZeros());
    }
}
