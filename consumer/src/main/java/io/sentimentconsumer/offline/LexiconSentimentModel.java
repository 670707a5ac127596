package io.sentimentconsumer.offline;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The offline engine: answers the prompt contract on this machine with a lexicon scorer, so that everything runs
 * without an AWS account. Its token counts are estimates, priced as Nova Micro so that a cost report shows the right
 * order of magnitude, and reported under a model id of their own so that they never mix with a real model's metrics.
 * Deterministic and safe to call from many threads.
 */
public final class LexiconSentimentModel implements SentimentModel {

    static final String MODEL_ID = "offline-lexicon";
    static final String PRICED_AS = "amazon.nova-micro-v1:0";
    private static final String STOP_REASON = "end_turn";

    private final LexiconScorer scorer;

    /** Loads the lexicon if this JVM has not yet; the tokenizer loads on the first call. */
    public LexiconSentimentModel() {
        this.scorer = new LexiconScorer(VaderLexicon.valences());
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public String pricedAs() {
        return PRICED_AS;
    }

    @Override
    public boolean estimated() {
        return true;
    }

    /**
     * Answers every line {@code <n>|<text>} of the user message, in order, with a line {@code <n>|<score>}. It
     * takes milliseconds, far inside any timeout, so the timeout is not consulted.
     */
    @Override
    public ModelReply converse(ModelRequest request, Duration timeout) {
        long started = System.nanoTime();
        String answer = answer(request.userMessage());
        double durationMillis = (System.nanoTime() - started) / 1e6;
        TokenUsage usage = TokenEstimator.estimate(request, answer);
        return new ModelReply(answer, new CallReceipt(usage, STOP_REASON, durationMillis, null, Attempts.ONE));
    }

    private String answer(String userMessage) {
        String[] lines = userMessage.split("\\R");
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String text = line.substring(line.indexOf('|') + 1); // a line without '|' is all text
            if (i > 0) {
                answer.append('\n');
            }
            answer.append(i + 1).append('|').append(format(scorer.score(text)));
        }
        return answer.toString();
    }

    /** Two decimals at most and no trailing zeros, as the contract asks: "-0.45", "0", "0.8". */
    private static String format(double score) {
        return BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }
}
