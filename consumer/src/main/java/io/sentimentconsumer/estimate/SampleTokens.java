package io.sentimentconsumer.estimate;

import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.offline.TokenEstimator;
import io.sentimentconsumer.pipeline.Batches;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The estimated tokens of the calls the consumer would make for a sample: the sample's texts cut into batches as
 * the pipeline cuts them, each batch the request the prompt contract builds, counted with the offline engine's
 * {@link TokenEstimator}.
 *
 * @param posts                    texts in the sample
 * @param calls                    requests they make
 * @param batchSize                posts a call
 * @param instructionTokensPerCall what every call pays whatever it carries (system block, message framing)
 * @param postLineTokens           the user messages of all the calls: the posts' {@code <n>|<text>} lines
 * @param answerTokens             the answers of all the calls ({@link ExpectedAnswer})
 */
public record SampleTokens(int posts, int calls, int batchSize, int instructionTokensPerCall, long postLineTokens,
                           long answerTokens) {

    /** Enough digits for any figure a bill shows; a quotient that ends sooner is exact. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    public static SampleTokens count(List<String> texts, int batchSize) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a sample needs at least one post to count");
        }
        List<List<String>> batches = Batches.of(texts, batchSize);
        int instructions = 0;
        long lines = 0;
        long answers = 0;
        for (List<String> batch : batches) {
            ModelRequest request = PromptContract.request(batch);
            instructions = TokenEstimator.instructionTokens(request);
            lines += TokenEstimator.count(request.userMessage());
            answers += TokenEstimator.count(ExpectedAnswer.forPosts(batch.size()));
        }
        return new SampleTokens(texts.size(), batches.size(), batchSize, instructions, lines, answers);
    }

    /**
     * Input tokens a post costs at volume, where calls are full: its line, and its share of a call's instructions.
     * A sample whose last batch is short would otherwise charge its posts a larger share than volume does.
     */
    public BigDecimal inputPerPost() {
        return ratio(instructionTokensPerCall, batchSize).add(ratio(postLineTokens, posts));
    }

    public BigDecimal outputPerPost() {
        return ratio(answerTokens, posts);
    }

    public BigDecimal totalPerPost() {
        return inputPerPost().add(outputPerPost());
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), PRECISION).stripTrailingZeros();
    }
}
