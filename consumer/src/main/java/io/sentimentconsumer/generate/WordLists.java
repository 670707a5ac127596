package io.sentimentconsumer.generate;

import io.sentimentconsumer.generate.SyntheticPosts.Sentiment;
import io.sentimentconsumer.generate.SyntheticPosts.Topic;
import io.sentimentconsumer.ingest.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word lists of {@link SyntheticPosts}: cities, user names, slot values, templates, list items, hashtags and
 * emojis, read from {@value #RESOURCE} beside this class, whose first lines describe the format: {@code [name]}
 * starts a list, each line after it is one entry. Reading checks what the generator relies on: every list it asks
 * for is there, non-empty (but mood tags), the list items number three at least, and templates name known slots.
 */
final class WordLists {

    static final String RESOURCE = "word-lists.txt";
    /** A {slot} in a template. */
    static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final Map<String, List<String>> lists;
    private final List<Post.Location> cities;
    private final List<String> cityNames;

    private WordLists(Map<String, List<String>> lists) {
        this.lists = lists;
        List<String> required = required();
        for (String name : lists.keySet()) {
            if (!name.startsWith("slot ") && !required.contains(name)) {
                throw new IllegalStateException(RESOURCE + ": no list is called [" + name + "]");
            }
        }
        for (String name : required) {
            List<String> list = lists.get(name);
            if (list == null) {
                throw new IllegalStateException(RESOURCE + ": the list [" + name + "] is missing");
            }
            int least = name.startsWith("pros ") || name.startsWith("cons ") ? 3
                    : name.startsWith("mood-tags ") ? 0 : 1;
            if (list.size() < least) {
                throw new IllegalStateException(
                        RESOURCE + ": the list [" + name + "] needs " + least + " entries at least");
            }
        }
        this.cities = lists.get("cities").stream().map(WordLists::city).toList();
        this.cityNames = cities.stream().map(Post.Location::city).toList();
        for (Topic topic : Topic.values()) {
            for (Sentiment sentiment : Sentiment.values()) {
                for (String template : templates(topic, sentiment)) {
                    Matcher slot = SLOT.matcher(template);
                    while (slot.find()) {
                        if (!knownSlot(slot.group(1))) {
                            throw new IllegalStateException(RESOURCE + ": a template names an unknown slot {"
                                    + slot.group(1) + "}: " + template);
                        }
                    }
                }
            }
        }
    }

    /** The bundled lists. */
    static WordLists read() {
        try (InputStream in = WordLists.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WordLists parse(List<String> lines) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                if (lists.put(line.substring(1, line.length() - 1), current) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + line + " is there twice");
                }
            } else if (current == null) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": an entry before the first [list]");
            } else {
                current.add(line);
            }
        }
        Map<String, List<String>> copies = new LinkedHashMap<>();
        lists.forEach((name, list) -> copies.put(name, List.copyOf(list)));
        return new WordLists(copies);
    }

    List<Post.Location> cities() {
        return cities;
    }

    List<String> userNames() {
        return lists.get("user-names");
    }

    List<String> userHobbies() {
        return lists.get("user-hobbies");
    }

    /** The values of {@code {name}}: the city names for {@code city}, else its list; {@code null} for none. */
    List<String> slot(String name) {
        return name.equals("city") ? cityNames : lists.get("slot " + name);
    }

    List<String> templates(Topic topic, Sentiment sentiment) {
        return lists.get("templates " + topic + " " + sentiment);
    }

    List<String> pros(Topic topic) {
        return lists.get("pros " + topic);
    }

    List<String> cons(Topic topic) {
        return lists.get("cons " + topic);
    }

    List<String> topicTags(Topic topic) {
        return lists.get("topic-tags " + topic);
    }

    List<String> extras(Sentiment sentiment) {
        return lists.get("extras " + sentiment);
    }

    List<String> emojis(Sentiment sentiment) {
        return lists.get("emojis " + sentiment);
    }

    List<String> moodTags(Sentiment sentiment) {
        return lists.get("mood-tags " + sentiment);
    }

    /** Every list but the slots', by name. */
    private static List<String> required() {
        List<String> names = new ArrayList<>(List.of("cities", "user-names", "user-hobbies"));
        for (Topic topic : Topic.values()) {
            for (Sentiment sentiment : Sentiment.values()) {
                names.add("templates " + topic + " " + sentiment);
            }
            names.addAll(List.of("pros " + topic, "cons " + topic, "topic-tags " + topic));
        }
        for (Sentiment sentiment : Sentiment.values()) {
            names.addAll(List.of("extras " + sentiment, "emojis " + sentiment, "mood-tags " + sentiment));
        }
        return names;
    }

    /** As the generator fills them: {n}, {user}, a slot with values, and {x2} for a slot x with values. */
    private boolean knownSlot(String name) {
        String base = name.endsWith("2") ? name.substring(0, name.length() - 1) : name;
        return name.equals("n") || name.equals("user") || slot(base) != null;
    }

    private static Post.Location city(String line) {
        String[] parts = line.split("\\|");
        if (parts.length != 4) {
            throw new IllegalStateException(RESOURCE + ": a city is 'city | country | latitude | longitude', not '"
                    + line + "'");
        }
        return new Post.Location(Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()),
                parts[0].strip(), parts[1].strip());
    }
}
