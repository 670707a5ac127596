package io.sentimentconsumer.generate;

import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Realistic English social-media posts, made from the templates and word lists of {@link WordLists}. The output
 * depends on the seed alone: {@link Random} (whose algorithm the JDK specifies), a fixed start time, no
 * locale-dependent formatting and no hash ordering. A generator is a sequence: ids count up from {@code
 * post-000001} and timestamps move forward from {@link #START}, so one instance used for several files keeps ids
 * unique across them.
 *
 * <p>About a third of the posts are positive, a third negative, the rest neutral or mixed; some carry emojis,
 * hashtags and mentions, some span several lines (a few with tab-indented lists), about 4% are longer than
 * 1,000 characters, and about 20% have no location.
 */
public final class SyntheticPosts {

    /** The first post's timestamp; each next post is 1 to 45 seconds later. */
    public static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    /** Posts of this many code points or more are "long"; long posts are made longer than {@link #LONG_MIN}. */
    public static final int LONG_MIN = 1200;

    private static final WordLists WORDS = WordLists.read();
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w+)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w+)");

    /** The tone a post was written in: the label its template was written for. */
    public enum Sentiment { POSITIVE, NEGATIVE, NEUTRAL, MIXED }

    public enum Topic { PRODUCT, TRAVEL, FOOD, SPORTS, TECH, WEATHER, CUSTOMER_SERVICE, ENTERTAINMENT }

    /** One generated post, and the {@link Sentiment} and {@link Topic} of its template (not part of the JSON). */
    public record SyntheticPost(Post post, Sentiment sentiment, Topic topic) {

        /** The post's JSON on one line ({@link PostWriter}). */
        public String toJson() {
            return PostWriter.json(post);
        }

        /** The post's UTF-8 JSON: what a producer puts as a Kinesis record's data. */
        public byte[] toBytes() {
            return PostWriter.bytes(post);
        }
    }

    private final Random random;
    private final List<User> users;
    private int count;
    private Instant clock = START;

    public SyntheticPosts(long seed) {
        this.random = new Random(seed);
        this.users = users(random, 60);
    }

    /** {@code count} posts of a fresh generator, each as compact JSON (one line, no line terminator). */
    public static Stream<String> jsonLines(int count, long seed) {
        return new SyntheticPosts(seed).next(count).stream().map(SyntheticPost::toJson);
    }

    public List<SyntheticPost> next(int count) {
        List<SyntheticPost> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(next());
        }
        return posts;
    }

    public SyntheticPost next() {
        Form form = random.nextDouble() < 0.04 ? Form.LONG : null;
        return post(form);
    }

    /** The next post, forced to be long: over {@link #LONG_MIN} code points, with paragraphs and a tabbed list. */
    public SyntheticPost nextLong() {
        return post(Form.LONG);
    }

    private enum Form { PLAIN, TWO_LINES, LIST, LONG }

    private SyntheticPost post(Form forced) {
        count++;
        clock = clock.plusSeconds(1 + random.nextInt(45));
        Topic topic = pick(List.of(Topic.values()));
        Sentiment sentiment = sentiment();
        User author = pick(users);
        Post.PostType postType = postType();

        Form form = forced != null ? forced : form(sentiment);
        String text = switch (form) {
            case PLAIN -> plain(topic, sentiment);
            case TWO_LINES -> sentence(topic, sentiment) + "\n" + extra(sentiment);
            case LIST -> sentence(topic, sentiment) + "\n" + list(topic, sentiment);
            case LONG -> longText(topic, sentiment);
        };
        if (postType == Post.PostType.REPLY) {
            text = "@" + other(author).username() + " " + text;
        } else if (postType == Post.PostType.SHARE) {
            text = "RT @" + other(author).username() + ": " + text;
        }
        if (random.nextDouble() < 0.08) {
            text += " cc @" + other(author).username();
        }
        if (random.nextDouble() < 0.35) {
            text += " " + emojis(sentiment);
        }
        if (random.nextDouble() < 0.6) {
            text += (text.indexOf('\n') >= 0 ? "\n\n" : " ") + hashtags(topic, sentiment);
        }
        Post post = new Post(
                String.format(Locale.ROOT, "post-%06d", count),
                clock,
                author.id(),
                author.username(),
                text,
                distinctMatches(HASHTAG, text),
                distinctMatches(MENTION, text),
                random.nextDouble() < 0.2 ? null : location(),
                random.nextInt(10_001) / 100.0,
                postType);
        return new SyntheticPost(post, sentiment, topic);
    }

    private Sentiment sentiment() {
        double roll = random.nextDouble();
        return roll < 0.35 ? Sentiment.POSITIVE
                : roll < 0.65 ? Sentiment.NEGATIVE
                : roll < 0.85 ? Sentiment.NEUTRAL
                : Sentiment.MIXED;
    }

    private Post.PostType postType() {
        double roll = random.nextDouble();
        return roll < 0.70 ? Post.PostType.ORIGINAL : roll < 0.85 ? Post.PostType.SHARE : Post.PostType.REPLY;
    }

    private Form form(Sentiment sentiment) {
        double roll = random.nextDouble();
        if (roll < 0.10) {
            return Form.TWO_LINES;
        }
        if (roll < 0.18) {
            return sentiment == Sentiment.NEUTRAL ? Form.TWO_LINES : Form.LIST;
        }
        return Form.PLAIN;
    }

    private String plain(Topic topic, Sentiment sentiment) {
        String text = sentence(topic, sentiment);
        return random.nextDouble() < 0.35 ? text + " " + extra(sentiment) : text;
    }

    /**
     * Paragraphs until the text is long: the topic's templates first, then other topics' in the same tone (a
     * thread about a whole week), each after two generic sentences while those last (none is used twice); the
     * second paragraph is a tab-indented list.
     */
    private String longText(Topic topic, Sentiment sentiment) {
        List<String> templates = new ArrayList<>(WORDS.templates(topic, sentiment));
        Collections.shuffle(templates, random);
        List<String> others = new ArrayList<>();
        for (Topic other : Topic.values()) {
            if (other != topic) {
                others.addAll(WORDS.templates(other, sentiment));
            }
        }
        Collections.shuffle(others, random);
        templates.addAll(others);
        List<String> extras = new ArrayList<>(WORDS.extras(sentiment));
        Collections.shuffle(extras, random);

        StringBuilder text = new StringBuilder(fill(templates.get(0)));
        int nextTemplate = 1;
        int nextExtra = 0;
        boolean listed = false;
        while (text.codePointCount(0, text.length()) < LONG_MIN || !listed) {
            text.append("\n\n");
            if (nextExtra + 2 <= extras.size()) {
                text.append(extras.get(nextExtra++)).append(' ').append(extras.get(nextExtra++));
            } else {
                text.append(fill(templates.get(nextTemplate++ % templates.size())));
            }
            if (!listed) {
                text.append("\n\n").append(list(topic, sentiment));
                listed = true;
            } else {
                text.append(' ').append(fill(templates.get(nextTemplate++ % templates.size())));
            }
        }
        return text.toString();
    }

    private String sentence(Topic topic, Sentiment sentiment) {
        return fill(pick(WORDS.templates(topic, sentiment)));
    }

    private String extra(Sentiment sentiment) {
        return pick(WORDS.extras(sentiment));
    }

    private String list(Topic topic, Sentiment sentiment) {
        List<String> pros = new ArrayList<>(WORDS.pros(topic));
        List<String> cons = new ArrayList<>(WORDS.cons(topic));
        Collections.shuffle(pros, random);
        Collections.shuffle(cons, random);
        return switch (sentiment) {
            case POSITIVE -> "Highlights:\n\t- " + pros.get(0) + "\n\t- " + pros.get(1) + "\n\t- " + pros.get(2);
            case NEGATIVE -> "What went wrong:\n\t1. " + cons.get(0) + "\n\t2. " + cons.get(1)
                    + "\n\t3. " + cons.get(2);
            case MIXED -> "Pros:\n\t+ " + pros.get(0) + "\n\t+ " + pros.get(1)
                    + "\nCons:\n\t- " + cons.get(0) + "\n\t- " + cons.get(1);
            case NEUTRAL -> "Things I noted:\n\t- " + pros.get(0) + "\n\t- " + cons.get(0);
        };
    }

    /** Fills each {slot} of a template; a slot named twice gets one value, {@code {x2}} a value other than {x}. */
    private String fill(String template) {
        Map<String, String> chosen = new HashMap<>();
        String filled = WordLists.SLOT.matcher(template).replaceAll(slot -> Matcher.quoteReplacement(
                chosen.computeIfAbsent(slot.group(1), name -> slotValue(name, chosen))));
        return Character.toUpperCase(filled.charAt(0)) + filled.substring(1);
    }

    private String slotValue(String name, Map<String, String> chosen) {
        if (name.equals("n")) {
            return Integer.toString(2 + random.nextInt(13));
        }
        if (name.equals("user")) {
            return "@" + pick(users).username();
        }
        String base = name.endsWith("2") ? name.substring(0, name.length() - 1) : name;
        List<String> values = WORDS.slot(base);
        String value;
        do {
            value = pick(values);
        } while (!base.equals(name) && value.equals(chosen.get(base)));
        return value;
    }

    private String emojis(Sentiment sentiment) {
        List<String> pool = WORDS.emojis(sentiment);
        int n = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(pick(pool));
        }
        return out.toString();
    }

    private String hashtags(Topic topic, Sentiment sentiment) {
        Set<String> tags = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            tags.add(pick(WORDS.topicTags(topic)));
        }
        List<String> moodTags = WORDS.moodTags(sentiment);
        if (!moodTags.isEmpty() && random.nextDouble() < 0.4) {
            tags.add(pick(moodTags));
        }
        return String.join(" ", tags.stream().map(tag -> "#" + tag).toList());
    }

    private Post.Location location() {
        Post.Location city = pick(WORDS.cities());
        return new Post.Location(jitter(city.latitude()), jitter(city.longitude()), city.city(), city.country());
    }

    private double jitter(double degrees) {
        return Math.round(degrees * 10_000 + random.nextInt(1001) - 500) / 10_000.0;
    }

    private User other(User author) {
        User user;
        do {
            user = pick(users);
        } while (user.equals(author));
        return user;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> distinctMatches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }

    private record User(String id, String username) {}

    private static List<User> users(Random random, int count) {
        List<String> names = WORDS.userNames();
        List<String> hobbies = WORDS.userHobbies();
        Set<Integer> ids = new LinkedHashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        while (ids.size() < count) {
            ids.add(1 + random.nextInt(9999));
        }
        while (usernames.size() < count) {
            String name = names.get(random.nextInt(names.size()));
            usernames.add(switch (random.nextInt(3)) {
                case 0 -> name + "_" + hobbies.get(random.nextInt(hobbies.size()));
                case 1 -> name + (10 + random.nextInt(90));
                default -> "the_real_" + name;
            });
        }
        List<User> users = new ArrayList<>(count);
        List<Integer> idList = List.copyOf(ids);
        List<String> nameList = List.copyOf(usernames);
        for (int i = 0; i < count; i++) {
            users.add(new User(String.format(Locale.ROOT, "user-%04d", idList.get(i)), nameList.get(i)));
        }
        return users;
    }
}
