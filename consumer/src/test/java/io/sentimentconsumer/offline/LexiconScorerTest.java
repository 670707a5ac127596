package io.sentimentconsumer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.analyze.SentimentLabel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconScorerTest {

    private final LexiconScorer scorer = new LexiconScorer(VaderLexicon.valences());

    private double score(String text) {
        return scorer.score(text);
    }

    private SentimentLabel label(String text) {
        return SentimentLabel.of(score(text));
    }

    @Test
    void normalisesTheSumOfValencesIntoACompoundScore() {
        // good = 1.9: 1.9 / sqrt(1.9² + 15) = 0.4404; bad = -2.5: -2.5 / sqrt(2.5² + 15) = -0.5423
        assertThat(score("good")).isEqualTo(0.44);
        assertThat(score("bad")).isEqualTo(-0.54);
    }

    @Test
    void labelsClearlyPositiveNegativeAndNeutralPosts() {
        assertThat(label("I love this new phone, the camera is amazing")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Worst customer service ever, I hate waiting")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("The train leaves at 9 from platform 4")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void scoresTextWithNothingRatedAsZero() {
        assertThat(score("The train leaves at 9 from platform 4")).isZero();
        assertThat(score("")).isZero();
    }

    @Test
    void negationFlipsAndWeakens() {
        // -0.74 × 1.9 = -1.406: -1.406 / sqrt(1.406² + 15) = -0.3412
        assertThat(score("not good")).isEqualTo(-0.34);
        assertThat(score("not bad")).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"This isn't good", "I don\u2019t like it", "i dont like it", "It was never good",
            "I cannot call it good"})
    void negationWordsInTheirCommonSpellingsFlipTheSign(String post) {
        assertThat(score(post)).isNegative();
    }

    @Test
    void negationReachesThreeWordsBackAndNoFarther() {
        assertThat(score("not really that good")).isNegative();
        assertThat(score("not that it was good")).isPositive();
    }

    @Test
    void boostersIncreaseAndDampenersDecreaseTheMagnitude() {
        assertThat(score("very good")).isGreaterThan(score("good"));
        assertThat(score("extremely bad")).isLessThan(score("bad"));
        assertThat(score("slightly good")).isLessThan(score("good")).isPositive();
        assertThat(score("kind of bad")).isGreaterThan(score("bad")).isNegative();
    }

    @Test
    void aDampenerTakesAMildWordToNeutralButNotPastIt() {
        // "matters" is rated 0.1, less than a dampener's step of 0.293.
        assertThat(score("It matters")).isPositive();
        assertThat(score("It barely matters")).isZero();
    }

    @Test
    void modifiersCarryNoSentimentOfTheirOwn() {
        // "kind" alone is rated 2.4 and "no" -1.2, but as modifiers they only shape the words after them.
        assertThat(score("kind of")).isZero();
        assertThat(score("no")).isZero();
        assertThat(score("a kind neighbour")).isPositive();
    }

    @Test
    void capitalsEmphasiseAWordOnlyAgainstLowerCase() {
        assertThat(score("The movie was GREAT")).isGreaterThan(score("The movie was great"));
        assertThat(score("THE MOVIE WAS GREAT")).isEqualTo(score("the movie was great"));
    }

    @Test
    void whatFollowsButOutweighsWhatPrecedesIt() {
        assertThat(score("The food was great but the service was terrible")).isNegative();
        assertThat(score("The service was terrible but the food was great")).isPositive();
    }

    @Test
    void exclamationMarksAddEmphasisUpToFour() {
        assertThat(score("good!")).isGreaterThan(score("good"));
        assertThat(score("bad!!")).isLessThan(score("bad!"));
        assertThat(score("good!!!!!!!!")).isEqualTo(score("good!!!!"));
        assertThat(score("The train leaves at 9!!!")).isZero();
    }

    @Test
    void knowsEmoticonsPhrasesAndWordsInsidePunctuation() {
        assertThat(score("See you tomorrow :)")).isPositive();
        assertThat(score("Meeting moved again :(")).isNegative();
        assertThat(score("I can't stand this")).isNegative();
        assertThat(score("#blessed")).isEqualTo(score("blessed"));
        assertThat(score("\"Great.\"")).isEqualTo(score("great"));
    }

    @Test
    void everyScoreIsInRangeWithAtMostTwoDecimals() {
        List<String> posts = List.of(
                "good", "not good", "I can't stand this",
                "BEST DAY EVER!!! so happy, love love love this, amazing, wonderful, awesome :D :D",
                "Worst. Service. Ever. Terrible, awful, disgusting, I hate it, never again!!!!");
        for (String post : posts) {
            double score = score(post);
            assertThat(score).as(post).isBetween(-1.0, 1.0);
            assertThat(BigDecimal.valueOf(score).stripTrailingZeros().scale()).as(post).isLessThanOrEqualTo(2);
        }
        assertThat(score(posts.get(3))).isGreaterThan(0.9);
        assertThat(score(posts.get(4))).isLessThan(-0.9);
    }
}
