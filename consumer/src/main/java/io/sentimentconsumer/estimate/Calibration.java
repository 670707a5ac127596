package io.sentimentconsumer.estimate;

import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceLookup;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.offline.TokenEstimator;
import io.sentimentconsumer.pipeline.Batches;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Measures what the estimate can only guess: the sample's first batches, sent as the consumer sends them (the prompt
 * contract's requests, one call each) to a real model, and the usage the service bills for them. Each call is priced
 * by the table at the tier its response says served it (the requested tier when it says none).
 */
public final class Calibration {

    /** Far above what a batch takes (about a second on Nova Micro), well below a forgotten terminal. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final PriceTable prices;

    public Calibration(PriceTable prices) {
        this.prices = prices;
    }

    /**
     * Sends the first {@code batches} batches of {@code texts} to {@code model}, the client of {@code choice}. A
     * call that fails stops calibration of this model; what was answered before it is still reported, and paid for.
     */
    public CalibrationResult run(EstimateModels.Choice choice, SentimentModel model, List<String> texts, int batchSize,
                                 int batches) {
        List<List<String>> all = Batches.of(texts, batchSize);
        if (batches < 1 || batches > all.size()) {
            throw new IllegalArgumentException("--calibrate takes 1 to " + all.size() + " batches for this sample ("
                    + texts.size() + " posts, " + batchSize + " a batch); was " + batches);
        }
        Tally tally = new Tally();
        for (List<String> batch : all.subList(0, batches)) {
            ModelRequest request = PromptContract.request(batch);
            CallReceipt receipt;
            try {
                receipt = model.converse(request, CALL_TIMEOUT).receipt();
            } catch (ModelCallException e) {
                tally.failure = e.getMessage();
                break;
            }
            if (!receipt.hasUsage()) {
                tally.failure = "a response carried no usage, so its tokens cannot be counted";
                break;
            }
            tally.add(batch.size(), receipt.usage(),
                    TokenEstimator.estimate(request, ExpectedAnswer.forPosts(batch.size())), price(choice, receipt));
        }
        return new CalibrationResult(choice, tally.calls, tally.posts, tally.measured, tally.estimated,
                tally.unpricedReason == null ? Optional.of(tally.cost) : Optional.empty(),
                Optional.ofNullable(tally.unpricedReason), Optional.ofNullable(tally.failure));
    }

    private PriceLookup price(EstimateModels.Choice choice, CallReceipt receipt) {
        PriceKey requested = choice.key();
        ServiceTier tier;
        try {
            tier = receipt.servedTier() == null ? requested.tier() : ServiceTier.of(receipt.servedTier());
        } catch (IllegalArgumentException unknownTier) {
            return new PriceLookup.Unpriced("a call was served on tier '" + receipt.servedTier()
                    + "', which no price table entry can name");
        }
        return prices.lookup(new PriceKey(requested.model(), requested.region(), requested.routing(), tier));
    }

    /** The running sums of one model's calibration. */
    private static final class Tally {
        int calls;
        int posts;
        TokenUsage measured = TokenUsage.ZERO;
        TokenUsage estimated = TokenUsage.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        String unpricedReason;
        String failure;

        void add(int batchPosts, TokenUsage usage, TokenUsage estimate, PriceLookup price) {
            calls++;
            posts += batchPosts;
            measured = measured.plus(usage);
            estimated = estimated.plus(estimate);
            if (unpricedReason != null) {
                return;
            }
            if (price instanceof PriceLookup.Unpriced unpriced) {
                unpricedReason = unpriced.reason();
                return;
            }
            Optional<BigDecimal> callCost = price.found().flatMap(rates -> rates.cost(usage));
            if (callCost.isEmpty()) {
                unpricedReason = "a call reported cache tokens its price has no rate for";
            } else {
                cost = cost.add(callCost.get());
            }
        }
    }
}
