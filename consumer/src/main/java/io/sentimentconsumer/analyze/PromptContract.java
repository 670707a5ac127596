package io.sentimentconsumer.analyze;

import java.util.List;

/**
 * The prompt contract, shared by every model: the system block holds the instructions, the user message holds one
 * line {@code <n>|<text>} per post with n = 1..N, and the model answers one line {@code <n>|<score>} per post with
 * the score in [-1, 1].
 *
 * <p>The instructions are short on purpose: they are paid for on every call. {@code maxTokens} is sized to the
 * batch because Bedrock reserves it against the tokens-per-minute quota when the call starts.
 */
public final class PromptContract {

    public static final String SYSTEM = """
            Rate the sentiment of each social media post. Input: one post per line as <n>|<text>. \
            Output: exactly one line per post as <n>|<score>, score from -1 (very negative) to 1 (very positive), \
            at most two decimals. No other text.""";

    /** Answer budget per post: a line like "125|-0.75" plus its newline is at most ~10 tokens in common tokenizers. */
    static final int ANSWER_TOKENS_PER_POST = 12;
    /** Headroom for a model that opens or closes its answer with a stray token. */
    static final int ANSWER_TOKENS_MARGIN = 16;

    private PromptContract() {}

    public static ModelRequest request(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one post");
        }
        StringBuilder user = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                user.append('\n');
            }
            user.append(i + 1).append('|').append(texts.get(i));
        }
        return new ModelRequest(SYSTEM, user.toString(), maxTokensFor(texts.size()));
    }

    public static int maxTokensFor(int posts) {
        return posts * ANSWER_TOKENS_PER_POST + ANSWER_TOKENS_MARGIN;
    }
}
