package io.sentimentconsumer.offline;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelRequest;

/**
 * What a call would roughly cost in tokens. Amazon Nova's tokenizer is not public, so the counts come from a public
 * byte-pair vocabulary: they are estimates, good for the order of magnitude of a cost, not for a bill. The offline
 * engine bills its calls with it, and {@code estimate} sizes a deployment with it, so the two always agree.
 */
public final class TokenEstimator {

    /** How the counts are made, for output that must say its figures are estimates. */
    public static final String METHOD = "jtokkit o200k_base plus 3 framing tokens a message";

    /**
     * o200k_base rather than cl100k_base: both count English posts about the same, but cl100k splits other scripts
     * and emoji into noticeably more pieces (a fifth to a half more on Japanese, Russian or emoji-heavy posts in a
     * quick comparison). The newer, larger o200k vocabulary is the more plausible stand-in for a recent multilingual
     * model such as Nova; either is a guess.
     */
    private static final EncodingType VOCABULARY = EncodingType.O200K_BASE;

    /**
     * An estimate of the chat framing a model's template wraps around each message (role markers, separators). Nova's
     * template is not public; 3 is what OpenAI documents for its chat models, and it is small next to any prompt.
     */
    static final int FRAMING_TOKENS_PER_MESSAGE = 3;
    /** The system block and the user message. */
    private static final int MESSAGES = 2;

    private TokenEstimator() {}

    /** The estimated usage of one call; there is no prompt cache offline, so cache reads and writes are 0. */
    public static TokenUsage estimate(ModelRequest request, String answer) {
        return new TokenUsage(instructionTokens(request) + count(request.userMessage()), count(answer), 0, 0);
    }

    /**
     * The input tokens a call pays whatever posts it carries: the system block and the framing of both messages.
     * The rest of a call's input is its user message, the posts' lines.
     */
    public static int instructionTokens(ModelRequest request) {
        return count(request.system()) + MESSAGES * FRAMING_TOKENS_PER_MESSAGE;
    }

    public static int count(String text) {
        // "Ordinary": a post that contains "<|endoftext|>" is plain text to a model, and countTokens would throw.
        return Holder.ENCODING.countTokensOrdinary(text);
    }

    /**
     * The vocabulary takes about a second to load, so it is loaded on first use, once per JVM (class initialisation
     * is thread-safe). The encoding holds only read-only tables after construction, so threads can share it.
     */
    private static final class Holder {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(VOCABULARY);
    }
}
