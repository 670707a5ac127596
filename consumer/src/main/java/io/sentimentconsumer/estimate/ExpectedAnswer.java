package io.sentimentconsumer.estimate;

import io.sentimentconsumer.analyze.PromptContract;

/**
 * The answer the prompt contract asks the model for, as its tokens are counted: one line {@code <n>|<score>} a post,
 * n = 1..N, lines joined by newlines. This is the answer's expected length, not the {@code maxTokens} cap
 * ({@link PromptContract#maxTokensFor}), which only bounds it.
 */
final class ExpectedAnswer {

    /**
     * The score every line is counted with. In o200k every score from -0.99 to 0.99 written with a decimal point
     * ({@code 0.5}, {@code -0.75}) is as many tokens as this one, and only 0, 1 and -1 are fewer, so a well-formed
     * answer is never counted short.
     */
    static final String SCORE = "0.55";

    private ExpectedAnswer() {}

    static String forPosts(int posts) {
        StringBuilder answer = new StringBuilder();
        for (int n = 1; n <= posts; n++) {
            if (n > 1) {
                answer.append('\n');
            }
            answer.append(n).append('|').append(SCORE);
        }
        return answer.toString();
    }
}
