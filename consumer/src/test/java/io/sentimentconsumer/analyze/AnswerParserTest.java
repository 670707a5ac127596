package io.sentimentconsumer.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.analyze.AnswerParser.ParsedAnswer;
import io.sentimentconsumer.analyze.AnswerParser.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A post gets a score only from exactly one well-formed line with its number; nothing is ever guessed. */
class AnswerParserTest {

    private static Double score(ParsedAnswer answer, int n) {
        return answer.verdicts().get(n - 1).score();
    }

    private static String problem(ParsedAnswer answer, int n) {
        return answer.verdicts().get(n - 1).problem();
    }

    @Test
    void readsOneScorePerLineByNumber() {
        ParsedAnswer answer = AnswerParser.parse("1|0.8\n2|-0.45\n3|0\n", 3);

        assertThat(answer.verdicts()).extracting(Verdict::score).containsExactly(0.8, -0.45, 0.0);
    }

    @Test
    void matchesByNumberNotByPosition() {
        ParsedAnswer answer = AnswerParser.parse("3|-1\n1|1\n2|0.25", 3);

        assertThat(answer.verdicts()).extracting(Verdict::score).containsExactly(1.0, 0.25, -1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1|+0.5;0.5", "1|.5;0.5", "1|-.5;-0.5", "1|1.0;1.0", "1|-1;-1.0", "1|0.;0.0",
        " 1 | 0.3 ;0.3", "1|0.123;0.123", "01|0.2;0.2"})
    void acceptsNumbersInAnyPlainDecimalForm(String line, double expected) {
        assertThat(score(AnswerParser.parse(line, 1), 1)).isEqualTo(expected);
    }

    @Test
    void toleratesWindowsLineEndsBlankLinesAndProseAroundTheLines() {
        ParsedAnswer answer = AnswerParser.parse("Here are the scores:\r\n\r\n```\r\n1|0.1\r\n2|-0.2\r\n```", 2);

        assertThat(answer.verdicts()).extracting(Verdict::score).containsExactly(0.1, -0.2);
    }

    @Test
    void aMissingLineLeavesItsPostWithoutAScore() {
        ParsedAnswer answer = AnswerParser.parse("1|0.5\n3|0.5", 3);

        assertThat(score(answer, 2)).isNull();
        assertThat(problem(answer, 2)).isEqualTo("no answer line");
    }

    @Test
    void aDuplicatedLineLeavesItsPostWithoutAScoreEvenWhenTheValuesAgree() {
        ParsedAnswer answer = AnswerParser.parse("1|0.5\n1|0.5\n2|0.1\n2|-0.1", 2);

        assertThat(score(answer, 1)).isNull();
        assertThat(score(answer, 2)).isNull();
        assertThat(problem(answer, 1)).isEqualTo("more than one answer line");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1|1.01", "1|-1.5", "1|7", "1|100"})
    void aScoreOutsideTheRangeIsNotClampedButRejected(String line) {
        ParsedAnswer answer = AnswerParser.parse(line, 1);

        assertThat(score(answer, 1)).isNull();
        assertThat(problem(answer, 1)).isEqualTo("score outside [-1, 1]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1|positive", "1|0.5.1", "1|NaN", "1|Infinity", "1|1e-1", "1|0,5",
        "1|-", "1|0x1"})
    void aScoreThatIsNotAPlainNumberIsRejected(String line) {
        ParsedAnswer answer = AnswerParser.parse(line, 1);

        assertThat(score(answer, 1)).isNull();
        assertThat(problem(answer, 1)).isEqualTo("score is not a number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0|0.5", "3|0.5", "-1|0.5", "9999999|0.5"})
    void linesForPostsThatDoNotExistAreStrayAndScoreNothing(String line) {
        ParsedAnswer answer = AnswerParser.parse(line, 2);

        assertThat(answer.verdicts()).allMatch(v -> !v.hasScore());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1: 0.5", "1 - 0.5", "1|0.5|extra", "(1)|0.5", "#1|0.5", "1|0.5 positive",
        "Post 1|0.5", "1||0.5"})
    void linesThatDoNotFollowTheFormatAreStrayOrRejected(String line) {
        ParsedAnswer answer = AnswerParser.parse(line, 1);

        assertThat(answer.verdicts().get(0).hasScore()).isFalse();
    }

    @Test
    void anEmptyAnswerLeavesEveryPostWithoutAScore() {
        ParsedAnswer answer = AnswerParser.parse("", 4);

        assertThat(answer.verdicts()).hasSize(4).allMatch(v -> "no answer line".equals(v.problem()));
    }
}
