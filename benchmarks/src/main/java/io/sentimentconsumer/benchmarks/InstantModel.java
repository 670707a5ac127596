package io.sentimentconsumer.benchmarks;

import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import java.time.Duration;

/**
 * A model that answers every line at once, so a benchmark measures only the consumer's own work: decoding,
 * batching, the prompt, parsing, accounting, logging and metrics.
 */
final class InstantModel implements SentimentModel {

    @Override
    public String modelId() {
        return "amazon.nova-micro-v1:0";
    }

    @Override
    public ModelReply converse(ModelRequest request, Duration timeout) {
        int lines = (int) request.userMessage().lines().count();
        StringBuilder answer = new StringBuilder(lines * 8);
        for (int n = 1; n <= lines; n++) {
            answer.append(n).append("|0.5\n");
        }
        TokenUsage usage = new TokenUsage(request.userMessage().length() / 4 + 60, lines * 6L, 0, 0);
        return new ModelReply(answer.toString(), usage, "end_turn", 1.0, 1L, 1, 0, 0);
    }
}
