package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.TokenUsage;
import java.time.Duration;

/**
 * A stand-in model that answers every line of a request at once, with a neutral score and roughly the tokens such
 * a call would be billed (a token per four characters plus the system block in, six per line out). It runs every
 * step of the pipeline but the network: SnapStart priming warms the handler's code with it before the snapshot,
 * and the benchmarks measure the consumer's own work with it. Never a source of results.
 */
public final class InstantModel implements SentimentModel {

    private final String modelId;

    /** @param modelId the id its calls are accounted under (a priced id exercises costing, another is unpriced) */
    public InstantModel(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public ModelReply converse(ModelRequest request, Duration timeout) {
        int lines = (int) request.userMessage().lines().count();
        StringBuilder answer = new StringBuilder(lines * 4);
        for (int n = 1; n <= lines; n++) {
            answer.append(n).append("|0\n");
        }
        TokenUsage usage = new TokenUsage(request.userMessage().length() / 4 + 60, lines * 6L, 0, 0);
        return new ModelReply(answer.toString(), new CallReceipt(usage, "end_turn", 1.0, 1L, Attempts.ONE));
    }
}
