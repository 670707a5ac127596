package io.sentimentconsumer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Post text as it enters the one-line-per-post prompt. */
class PostTextTest {

    @Test
    void turnsEveryRunOfWhitespaceIntoOneSpace() {
        PostText.Prepared prepared = new PostText(1000).prepare("  first line\r\nsecond\tline \u2028third\u00A0word  ");

        assertThat(prepared.text()).isEqualTo("first line second line third word");
        assertThat(prepared.truncated()).isFalse();
    }

    @Test
    void treatsInvisibleSpacesAsWhitespace() {
        // No-break, narrow no-break, figure, ideographic and zero-width spaces, word joiner, BOM.
        PostText.Prepared prepared = new PostText(1000)
                .prepare("\u00A0\u200Bgreat\u2060\u00A0\u202Fday\u2007and\u200Bnight\uFEFF\u3000");

        assertThat(prepared.text()).isEqualTo("great day and night");
    }

    @Test
    void keepsTheJoinersThatWordsAndEmojiAreMadeOf() {
        // A family emoji is three emoji joined by U+200D; Persian writes some words with U+200C inside.
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0645";

        assertThat(new PostText(1000).prepare(family + " " + persian).text()).isEqualTo(family + " " + persian);
    }

    @Test
    void capsTheTextAndSaysSo() {
        PostText.Prepared prepared = new PostText(5).prepare("abcdefgh");

        assertThat(prepared.text()).isEqualTo("abcde");
        assertThat(prepared.truncated()).isTrue();
    }

    @Test
    void countsTheCapInCharactersAsPeopleSeeThemSoNoEmojiIsCutInHalf() {
        PostText.Prepared prepared = new PostText(3).prepare("😀😀😀😀");

        assertThat(prepared.text()).isEqualTo("😀😀😀");
        assertThat(prepared.truncated()).isTrue();
    }

    @Test
    void textAtTheCapIsNotTruncated() {
        assertThat(new PostText(4).prepare("abcd").truncated()).isFalse();
    }

    @Test
    void refusesACapBelowOne() {
        assertThatThrownBy(() -> new PostText(0)).hasMessageContaining("maxChars");
    }
}
