package io.sentimentconsumer.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VaderLexiconTest {

    private final Map<String, Double> lexicon = VaderLexicon.valences();

    @Test
    void holdsTheWholeFileKeyedAsWritten() {
        assertThat(lexicon).hasSizeGreaterThan(7000)
                .containsEntry("good", 1.9)
                .containsEntry("hate", -2.7)
                .containsEntry(":)", 2.0)
                .containsEntry(":D", 2.3)
                .containsEntry("can't stand", -2.0);
    }

    @Test
    void readsTheOneNonAsciiEmoticonAsLatin1() {
        assertThat(lexicon).containsEntry(":\u00DE", 1.1);
    }

    @Test
    void aKeyRatedTwiceTakesTheLaterRating() {
        // "lol" is rated 2.9 among the emoticons and 1.8 further down among the words.
        assertThat(lexicon).containsEntry("lol", 1.8);
    }

    @Test
    void isLoadedOnceAndCannotBeChanged() {
        assertThat(VaderLexicon.valences()).isSameAs(lexicon);
        assertThatThrownBy(() -> lexicon.put("meh", -0.3)).isInstanceOf(UnsupportedOperationException.class);
    }
}
