package io.sentimentconsumer.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.analyze.AnswerParser;
import io.sentimentconsumer.offline.TokenEstimator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExpectedAnswerTest {

    @Test
    void isOneLineAPostAsTheContractAsks() {
        assertThat(ExpectedAnswer.forPosts(3)).isEqualTo("1|0.55\n2|0.55\n3|0.55");
    }

    @Test
    void theAnswerParserScoresEveryLine() {
        assertThat(AnswerParser.parse(ExpectedAnswer.forPosts(25), 25).verdicts())
                .hasSize(25).allSatisfy(verdict -> assertThat(verdict.hasScore()).isTrue());
    }

    /** What ExpectedAnswer.SCORE claims: no well-formed score is counted longer, so the output is not counted short. */
    @Test
    void noScoreTheContractAllowsIsMoreTokensThanTheOneCounted() {
        int counted = TokenEstimator.count("7|" + ExpectedAnswer.SCORE + "\n");
        for (int hundredths = -100; hundredths <= 100; hundredths++) {
            String score = BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
            assertThat(TokenEstimator.count("7|" + score + "\n")).as(score).isLessThanOrEqualTo(counted);
        }
    }
}
