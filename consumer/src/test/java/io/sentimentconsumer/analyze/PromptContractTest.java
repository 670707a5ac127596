package io.sentimentconsumer.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt contract as the README documents it. */
class PromptContractTest {

    @Test
    void numbersOnePostPerLineFromOne() {
        ModelRequest request = PromptContract.request(List.of("great day", "awful traffic", "it rained"));

        assertThat(request.userMessage()).isEqualTo("1|great day\n2|awful traffic\n3|it rained");
        assertThat(request.system()).isEqualTo(PromptContract.SYSTEM);
    }

    @Test
    void theInstructionsStateTheAnswerFormatAndStayShort() {
        assertThat(PromptContract.SYSTEM)
                .contains("<n>|<text>", "<n>|<score>", "-1", "1", "one line per post")
                .doesNotContain("\n");
        // Paid on every call: keep it well under a hundred tokens (about four characters per token).
        assertThat(PromptContract.SYSTEM.length()).isLessThan(300);
    }

    @Test
    void sizesTheAnswerBudgetToTheBatchNeverAFlatMaximum() {
        assertThat(PromptContract.maxTokensFor(1)).isEqualTo(28);
        assertThat(PromptContract.maxTokensFor(25)).isEqualTo(316);
        assertThat(PromptContract.maxTokensFor(150)).isEqualTo(1816);
        assertThat(PromptContract.request(List.of("a", "b")).maxTokens()).isEqualTo(PromptContract.maxTokensFor(2));
    }

    @Test
    void everyAnswerLineFitsItsBudgetEvenForTheLongestLine() {
        // "200|-0.75" is 9 characters; even at one token per character the per-post budget holds it and its newline.
        assertThat(PromptContract.ANSWER_TOKENS_PER_POST).isGreaterThanOrEqualTo("200|-0.75\n".length());
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThatThrownBy(() -> PromptContract.request(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAtTheDocumentedThresholds() {
        assertThat(SentimentLabel.of(0.11)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.of(0.1)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(0)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(-0.1)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(-0.11)).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
