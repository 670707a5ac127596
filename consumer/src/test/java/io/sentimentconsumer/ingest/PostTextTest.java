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
