package io.sentimentconsumer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.generate.SyntheticPosts.Sentiment;
import io.sentimentconsumer.generate.SyntheticPosts.Topic;
import io.sentimentconsumer.ingest.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word-list file's format, and what reading it checks. */
class WordListsTest {

    @Test
    void theBundledListsHoldEveryListTheGeneratorAsksFor() {
        WordLists words = WordLists.read();

        assertThat(words.cities()).hasSize(12)
                .contains(new Post.Location(-23.5505, -46.6333, "São Paulo", "Brazil"));
        assertThat(words.slot("city")).hasSize(12).startsWith("Seattle", "New York");
        assertThat(words.slot("team")).contains("the Hawks", "City FC");
        assertThat(words.templates(Topic.SPORTS, Sentiment.NEUTRAL))
                .contains("{team} vs {team2} kicks off at {time} on {day}. Who's watching?");
        assertThat(words.moodTags(Sentiment.NEUTRAL)).isEmpty();
        assertThat(words.emojis(Sentiment.POSITIVE)).contains("❤️");
    }

    @Test
    void anEntryIsItsLineExactlyAndCommentsAndEmptyLinesAreSkipped() {
        List<String> lines = minimal();
        lines.addAll(List.of("# a comment", "", "[slot thing]", "two  spaces, a trailing one ", "{not a slot}"));

        assertThat(WordLists.parse(lines).slot("thing"))
                .containsExactly("two  spaces, a trailing one ", "{not a slot}");
    }

    @Test
    void aMissingListIsNamed() {
        List<String> lines = minimal();
        lines.removeIf(line -> line.equals("[emojis MIXED]"));

        assertThatThrownBy(() -> WordLists.parse(lines))
                .hasMessage("word-lists.txt: the list [emojis MIXED] is missing");
    }

    @Test
    void aListWithAnUnknownNameIsRefused() {
        List<String> lines = minimal();
        lines.addAll(List.of("[emoji MIXED]", "🙃"));

        assertThatThrownBy(() -> WordLists.parse(lines)).hasMessage("word-lists.txt: no list is called [emoji MIXED]");
    }

    @Test
    void aTemplateNamingAnUnknownSlotIsRefused() {
        List<String> lines = minimal();
        lines.add(lines.indexOf("[templates FOOD MIXED]") + 1, "The {dessert} was {n} times too sweet");

        assertThatThrownBy(() -> WordLists.parse(lines))
                .hasMessage("word-lists.txt: a template names an unknown slot {dessert}: The {dessert} was {n} "
                        + "times too sweet");
    }

    @Test
    void listItemsNumberThreeAtLeast() {
        List<String> lines = minimal();
        lines.remove(lines.indexOf("[cons TECH]") + 1);

        assertThatThrownBy(() -> WordLists.parse(lines))
                .hasMessage("word-lists.txt: the list [cons TECH] needs 3 entries at least");
    }

    /** Every list, with the fewest entries reading accepts; templates use {n}, {user}, {city} and {city2}. */
    private static List<String> minimal() {
        List<String> lines = new ArrayList<>(List.of("[cities]", "Oslo | Norway | 59.91 | 10.75",
                "Bergen | Norway | 60.39 | 5.32", "[user-names]", "kari", "[user-hobbies]", "skis"));
        for (Topic topic : Topic.values()) {
            for (Sentiment sentiment : Sentiment.values()) {
                lines.addAll(List.of("[templates " + topic + " " + sentiment + "]",
                        "{user}: {n} days from {city} to {city2}"));
            }
            lines.addAll(List.of("[pros " + topic + "]", "a", "b", "c", "[cons " + topic + "]", "x", "y", "z",
                    "[topic-tags " + topic + "]", "tag"));
        }
        for (Sentiment sentiment : Sentiment.values()) {
            lines.addAll(List.of("[extras " + sentiment + "]", "Indeed.", "[emojis " + sentiment + "]", "🙂",
                    "[mood-tags " + sentiment + "]"));
        }
        return lines;
    }
}
