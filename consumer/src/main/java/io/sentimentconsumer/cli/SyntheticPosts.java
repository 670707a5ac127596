package io.sentimentconsumer.cli;

import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
 * Realistic English social-media posts, made from templates and word lists in this class. The output depends on
 * the seed alone: {@link Random} (whose algorithm the JDK specifies), a fixed start time, no locale-dependent
 * formatting and no hash ordering. A generator is a sequence: ids count up from {@code post-000001} and
 * timestamps move forward from {@link #START}, so one instance used for several files keeps ids unique across them.
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

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
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
        List<String> templates = new ArrayList<>(TEMPLATES.get(topic).get(sentiment));
        Collections.shuffle(templates, random);
        List<String> others = new ArrayList<>();
        for (Topic other : Topic.values()) {
            if (other != topic) {
                others.addAll(TEMPLATES.get(other).get(sentiment));
            }
        }
        Collections.shuffle(others, random);
        templates.addAll(others);
        List<String> extras = new ArrayList<>(EXTRAS.get(sentiment));
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
        return fill(pick(TEMPLATES.get(topic).get(sentiment)));
    }

    private String extra(Sentiment sentiment) {
        return pick(EXTRAS.get(sentiment));
    }

    private String list(Topic topic, Sentiment sentiment) {
        List<String> pros = new ArrayList<>(PROS.get(topic));
        List<String> cons = new ArrayList<>(CONS.get(topic));
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
        String filled = SLOT.matcher(template).replaceAll(slot -> Matcher.quoteReplacement(
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
        List<String> values = base.equals("city")
                ? CITIES.stream().map(Post.Location::city).toList()
                : SLOTS.get(base);
        if (values == null) {
            throw new IllegalStateException("template names an unknown slot: " + name);
        }
        String value;
        do {
            value = pick(values);
        } while (!base.equals(name) && value.equals(chosen.get(base)));
        return value;
    }

    private String emojis(Sentiment sentiment) {
        List<String> pool = EMOJIS.get(sentiment);
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
            tags.add(pick(TOPIC_TAGS.get(topic)));
        }
        List<String> moodTags = MOOD_TAGS.get(sentiment);
        if (!moodTags.isEmpty() && random.nextDouble() < 0.4) {
            tags.add(pick(moodTags));
        }
        return String.join(" ", tags.stream().map(tag -> "#" + tag).toList());
    }

    private Post.Location location() {
        Post.Location city = pick(CITIES);
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
        List<String> names = List.of("maria", "sam", "alex", "priya", "tom", "lena", "kenji", "chloe", "omar",
                "zoe", "dan", "fatima", "lucas", "nina", "raj", "emma", "jon", "ines", "mateo", "aisha");
        List<String> hobbies = List.of("travels", "codes", "eats", "runs", "reads", "films", "bakes", "hikes");
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

    // ---- word lists and templates -------------------------------------------------------------------------------

    private static final List<Post.Location> CITIES = List.of(
            new Post.Location(47.6062, -122.3321, "Seattle", "United States"),
            new Post.Location(40.7128, -74.0060, "New York", "United States"),
            new Post.Location(51.5074, -0.1278, "London", "United Kingdom"),
            new Post.Location(52.5200, 13.4050, "Berlin", "Germany"),
            new Post.Location(48.8566, 2.3522, "Paris", "France"),
            new Post.Location(35.6762, 139.6503, "Tokyo", "Japan"),
            new Post.Location(-33.8688, 151.2093, "Sydney", "Australia"),
            new Post.Location(43.6532, -79.3832, "Toronto", "Canada"),
            new Post.Location(19.0760, 72.8777, "Mumbai", "India"),
            new Post.Location(-23.5505, -46.6333, "São Paulo", "Brazil"),
            new Post.Location(19.4326, -99.1332, "Mexico City", "Mexico"),
            new Post.Location(-33.9249, 18.4241, "Cape Town", "South Africa"));

    private static final Map<String, List<String>> SLOTS = Map.ofEntries(
            Map.entry("product", List.of("noise-cancelling headphones", "air fryer", "running shoes",
                    "robot vacuum", "e-reader", "standing desk", "espresso machine", "smartwatch",
                    "travel backpack", "mechanical keyboard")),
            Map.entry("brand", List.of("Nimbus", "Acorn", "Veloce", "Brightline", "Kestrel", "Northpeak", "Lumo",
                    "Orbitra")),
            Map.entry("airline", List.of("SkyWays", "Blue Heron Air", "Coastal Jet", "Northwind Airlines")),
            Map.entry("dish", List.of("ramen", "tacos al pastor", "margherita pizza", "pad thai", "pho",
                    "butter chicken", "fish and chips", "falafel wrap", "sourdough pancakes", "mushroom risotto")),
            Map.entry("restaurant", List.of("Saffron Kitchen", "Luigi's", "the Harbor Grill", "Noodle Bar 88",
                    "the new place on Main Street", "the food truck by the station")),
            Map.entry("team", List.of("the Hawks", "City FC", "the Rangers", "the Comets", "United", "the Wolves")),
            Map.entry("player", List.of("Martinez", "Okafor", "Lindqvist", "Tanaka", "Dubois", "Kowalski")),
            Map.entry("app", List.of("the banking app", "the photo editor", "my password manager",
                    "the calendar app", "the podcast app", "the new OS")),
            Map.entry("device", List.of("laptop", "phone", "tablet", "router", "smart TV")),
            Map.entry("company", List.of("Lumo Bank", "Orbitra Internet", "QuickCart", "Brightline Mobile",
                    "Northpeak Energy")),
            Map.entry("support", List.of("@LumoBankHelp", "@OrbitraCare", "@QuickCartSupport", "@BrightlineHelp",
                    "@NorthpeakCares")),
            Map.entry("show", List.of("Starfall", "The Quiet Hours", "Midnight Harbor",
                    "that new octopus documentary", "Glass Kingdom")),
            Map.entry("artist", List.of("Luna Vega", "The Paper Lanterns", "DJ Northstar",
                    "Echo Park Collective")),
            Map.entry("day", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday")),
            Map.entry("time", List.of("noon", "3pm", "7:30pm", "8pm", "9:45pm")),
            Map.entry("gate", List.of("A7", "B12", "C4", "D21")),
            Map.entry("pct", List.of("15", "20", "25", "30", "40")),
            Map.entry("score", List.of("4-0", "5-1", "3-0", "6-2")));

    private static final Map<Topic, Map<Sentiment, List<String>>> TEMPLATES = new EnumMap<>(Topic.class);

    private static void templates(Topic topic, List<String> positive, List<String> negative, List<String> neutral,
            List<String> mixed) {
        Map<Sentiment, List<String>> bySentiment = new EnumMap<>(Sentiment.class);
        bySentiment.put(Sentiment.POSITIVE, positive);
        bySentiment.put(Sentiment.NEGATIVE, negative);
        bySentiment.put(Sentiment.NEUTRAL, neutral);
        bySentiment.put(Sentiment.MIXED, mixed);
        TEMPLATES.put(topic, bySentiment);
    }

    static {
        templates(Topic.PRODUCT,
                List.of("Just got the {brand} {product} and wow, it's even better than the reviews said. "
                                + "Worth every penny.",
                        "{n} weeks with my new {brand} {product} and zero complaints. Battery lasts forever and it "
                                + "looks great.",
                        "Can't stop recommending the {brand} {product} to everyone. Best purchase I've made this year!",
                        "Shoutout to {brand} for the {product}. Solid build, quiet, and it just works."),
                List.of("My {brand} {product} died after {n} days. Absolutely unacceptable for the price.",
                        "Returned the {brand} {product} today. Flimsy, loud, and the companion app crashes "
                                + "constantly. Save your money.",
                        "Do not buy the {product} from {brand}. It broke in the first week and the replacement is "
                                + "already making the same noise."),
                List.of("Does anyone know if the {brand} {product} works with older models? Thinking about "
                                + "ordering one.",
                        "The {brand} {product} is {pct}% off this weekend according to their site.",
                        "Comparing the {brand} {product} with the one from {brand2}. Specs look nearly identical, "
                                + "prices don't."),
                List.of("The {brand} {product} looks gorgeous and setup took two minutes, but the battery barely "
                                + "lasts a day.",
                        "Love the design of the {product}, hate the price. {brand} really knows how to make you pay "
                                + "for style.",
                        "Sound quality on the {brand} {product} is excellent, shame the app is such a mess."));
        templates(Topic.TRAVEL,
                List.of("Landed in {city} this morning and I'm already in love. The food, the people, the light. "
                                + "Everything.",
                        "Huge thanks to the crew on my {airline} flight to {city}, smoothest trip I've had in years.",
                        "Three days in {city} and I never want to leave. Walked {n} miles yesterday and loved every "
                                + "one of them."),
                List.of("{airline} cancelled my flight to {city} with no explanation and the next seat is in {n} "
                                + "days. Unbelievable.",
                        "Hotel in {city} looked nothing like the photos. Dirty bathroom, broken AC and a very "
                                + "unhelpful front desk.",
                        "Lost luggage again, {airline}. Third time this year. I'm done."),
                List.of("Heading to {city} next month. Any tips on neighborhoods to stay in?",
                        "Flight to {city} boarding at gate {gate} now. Should land around {time}.",
                        "Reminder that the train from the airport into {city} takes about {n}0 minutes."),
                List.of("{city} was beautiful but so crowded we barely enjoyed it. Go in the off season if you can.",
                        "Great views from the hotel in {city}, shame about the paper-thin walls and the 6am "
                                + "construction.",
                        "{airline} got me to {city} on time, but the seat was tiny and they charged for water. "
                                + "Mixed feelings."));
        templates(Topic.FOOD,
                List.of("The {dish} at {restaurant} is unreal. Crispy, fresh, perfectly seasoned. Going back "
                                + "tomorrow.",
                        "Finally tried {restaurant} and the hype is real. Best {dish} I've had in a long time!",
                        "Made {dish} from scratch for the first time tonight and it actually turned out amazing."),
                List.of("Waited over an hour at {restaurant} for cold {dish}. The manager just shrugged. Never "
                                + "again.",
                        "Found a hair in my {dish} at {restaurant}, and they still charged full price. Disgusting.",
                        "{restaurant} has gone so downhill. Tiny portions, double the price, and the {dish} was "
                                + "bland."),
                List.of("{restaurant} is opening a second location next week, apparently with the same menu.",
                        "Trying to decide between {dish} and {dish2} for dinner. Thoughts?",
                        "Does {restaurant} take reservations or is it walk-in only?"),
                List.of("The {dish} at {restaurant} was fantastic, the service not so much. Forty minutes for a "
                                + "glass of water.",
                        "Great atmosphere at {restaurant}, but the {dish} was overpriced for what it was.",
                        "Delicious {dish}, terrible parking, loud music. I'd go back for the food alone."));
        templates(Topic.SPORTS,
                List.of("What a game! {team} came back from two goals down and {player} was everywhere. Incredible "
                                + "night.",
                        "So proud of {team} today. That defense was rock solid and the crowd was electric.",
                        "{player} with the winner in the last minute!! I'm still shaking. Best match of the season."),
                List.of("{team} were embarrassing tonight. No effort, no ideas, no shots on target. Fire the coach.",
                        "That referee should never work another game. {team} got robbed, plain and simple.",
                        "Paid a fortune for a seat to watch {team} get thrashed {score}. Worst money I've spent all "
                                + "year."),
                List.of("{team} vs {team2} kicks off at {time} on {day}. Who's watching?",
                        "{player} is listed as questionable for the {team} game this weekend.",
                        "Season tickets for {team} go on sale {day}, prices are up about {pct}% from last year."),
                List.of("{team} won, but honestly that was one of the ugliest games I've ever watched.",
                        "Great goal from {player}, shame the rest of {team} looked half asleep.",
                        "Happy with the draw, gutted about the injury to {player}."));
        templates(Topic.TECH,
                List.of("The latest update to {app} is fantastic. Everything feels faster and the battery lasts way "
                                + "longer.",
                        "Switched my {device} to {brand} last month and I can't believe I waited this long. Smooth, "
                                + "quiet, fast.",
                        "Whoever redesigned {app} deserves a raise. Clean, simple, and dark mode finally works "
                                + "properly."),
                List.of("Since the latest update {app} crashes every time I open it. How does this ship?",
                        "My {device} has been stuck on the {brand} logo for {n} hours after the update. Great job, "
                                + "guys.",
                        "{app} now wants a subscription for features that used to be free. Uninstalling."),
                List.of("Is it worth upgrading my {device} this year or should I wait for the next generation?",
                        "{brand} says the next update for {app} rolls out to everyone by {day}.",
                        "Anyone know how to export data from {app}? The settings menu moved again."),
                List.of("The redesign of {app} looks great, but half the shortcuts I use every day are gone.",
                        "New {device} is blazing fast, but the battery life is a big step back.",
                        "{app} finally added offline mode, and then broke sync. One step forward, one step back."));
        templates(Topic.WEATHER,
                List.of("Perfect sunny morning here. Coffee on the balcony before work, can't complain at all.",
                        "First real snow of the year and the whole neighborhood is out sledding. Love this.",
                        "Gorgeous sunset tonight, the sky went pink, orange and purple. Stopped the car just to "
                                + "watch."),
                List.of("Third straight day of freezing rain. My commute took {n}0 minutes and my shoes are soaked.",
                        "Power's been out for {n} hours because of the storm. Fridge is warming up, phone is dying.",
                        "This heat is unbearable. No AC in the office and the fans just push hot air around."),
                List.of("Forecast says {n} inches of snow tonight. Roads might be closed in the morning.",
                        "Rain expected most of {day}, clearing up by the evening.",
                        "Temperature dropped about ten degrees since lunch."),
                List.of("Beautiful blue skies today, but the wind is brutal. Lost my umbrella in five seconds.",
                        "Love the snow, hate shoveling it at 6am.",
                        "Finally some rain for the gardens, but of course it started right as I left for my run."));
        templates(Topic.CUSTOMER_SERVICE,
                List.of("Big thanks to {support} for sorting out my billing issue in five minutes. That's how you "
                                + "do it.",
                        "Had to call {company} about a double charge and the agent fixed it right away, even "
                                + "followed up by email. Impressed.",
                        "Refund from {company} arrived in two days, no questions asked. Great service."),
                List.of("{support} I've been on hold for {n}0 minutes and got disconnected twice. Is anyone "
                                + "actually working there?",
                        "{company} charged me twice and now says it will take {n} weeks to refund. Absolutely "
                                + "ridiculous.",
                        "Opened a ticket with {company} {n} days ago. Still no reply. Worst customer service I've "
                                + "ever dealt with."),
                List.of("{support} how do I update the billing address on my account? Can't find it in the app.",
                        "{company} says their support lines are closed on {day} for maintenance.",
                        "Anyone know if {company} has a live chat, or is it phone only?"),
                List.of("{company}'s agent was lovely, but it took three calls and a week to get a simple answer.",
                        "Issue finally resolved by {support}. Took way too long, but at least they got there.",
                        "Friendly staff at {company}, terrible phone menu. Why are there nine options before a "
                                + "human?"));
        templates(Topic.ENTERTAINMENT,
                List.of("Just finished {show} and wow. Brilliant writing, great acting, that ending! Watch it.",
                        "Saw {artist} live last night and they were incredible. Two-hour set and not a single dull "
                                + "moment.",
                        "The soundtrack for {show} has been on repeat all week. Absolutely love it."),
                List.of("{show} was a total letdown. Three hours of my life I'm never getting back.",
                        "Tickets for {artist} sold out in {n} minutes and now they're on resale for five times the "
                                + "price. Ridiculous.",
                        "The sound at the {artist} concert was so bad you couldn't hear the vocals. Very "
                                + "disappointed."),
                List.of("{show} drops on {day}. Anyone planning to watch the premiere?",
                        "{artist} just announced a tour, dates are on their website.",
                        "Is {show} worth watching or should I skip it?"),
                List.of("{show} had a great first half and then completely fell apart. That ending makes no sense.",
                        "{artist} sounded amazing, but the venue was a nightmare. Forty-minute queue for the bar.",
                        "Visually stunning, emotionally empty. Not sure how I feel about {show}."));
    }

    private static final Map<Sentiment, List<String>> EXTRAS = new EnumMap<>(Map.of(
            Sentiment.POSITIVE, List.of(
                    "Honestly did not expect much going in, so this was a really nice surprise.",
                    "The staff went out of their way to help, which you rarely see these days.",
                    "Already telling all my friends about it.",
                    "Would do it again in a heartbeat.",
                    "Small details like this make a huge difference.",
                    "It's been a rough month so this genuinely made my week.",
                    "Everything just worked, first try, no drama.",
                    "Ten out of ten, no notes.",
                    "Grateful for the people who make things like this happen.",
                    "The price was fair for the quality, maybe even a bargain.",
                    "Already planning the next time."),
            Sentiment.NEGATIVE, List.of(
                    "I've been a loyal customer for years and this is how I get treated.",
                    "Spent forty minutes on hold just to be disconnected.",
                    "Nobody seems to take any responsibility.",
                    "The whole thing felt rushed and careless.",
                    "I want my money back, simple as that.",
                    "Every single step of the process was more painful than the last.",
                    "Really disappointed, I expected so much better.",
                    "At this point I'm just tired of complaining.",
                    "Never again. Lesson learned the hard way.",
                    "The worst part is that nobody even apologised.",
                    "If you're thinking about it, please don't."),
            Sentiment.NEUTRAL, List.of(
                    "Posting this mostly so I remember it later.",
                    "Not sure yet what I think about it.",
                    "Will post an update once I know more.",
                    "Curious whether anyone else has seen the same thing.",
                    "For context, this was on a weekday around noon.",
                    "Details are on their website if anyone needs them.",
                    "Sharing in case it's useful to someone.",
                    "No strong opinion either way, just noting it.",
                    "The schedule might change, so double-check before you go.",
                    "Has anyone tried the alternative?"),
            Sentiment.MIXED, List.of(
                    "Some parts were great, others really not.",
                    "I want to love it, but it's making that hard.",
                    "Good idea, questionable execution.",
                    "Would maybe give it another chance, but only at a lower price.",
                    "The highs were really high and the lows were really low.",
                    "Not a disaster, not a triumph either.",
                    "Half of me is impressed, the other half is annoyed.",
                    "Still on the fence about whether it was worth it.")));

    private static final Map<Topic, List<String>> PROS = new EnumMap<>(Map.of(
            Topic.PRODUCT, List.of("battery life", "build quality", "easy setup", "great sound", "looks fantastic"),
            Topic.TRAVEL, List.of("friendly locals", "amazing views", "clean hotel room", "easy public transport",
                    "great street food"),
            Topic.FOOD, List.of("fresh ingredients", "generous portions", "friendly staff", "cozy atmosphere",
                    "amazing desserts"),
            Topic.SPORTS, List.of("great defense", "amazing atmosphere", "solid goalkeeping", "fast counterattacks",
                    "the crowd was electric"),
            Topic.TECH, List.of("faster boot time", "cleaner interface", "better battery", "dark mode finally",
                    "smooth animations"),
            Topic.WEATHER, List.of("clear skies", "warm sunshine", "light breeze", "perfect beach weather",
                    "beautiful sunset"),
            Topic.CUSTOMER_SERVICE, List.of("quick reply", "refund processed", "friendly agent", "problem solved",
                    "follow-up email"),
            Topic.ENTERTAINMENT, List.of("great soundtrack", "brilliant acting", "stunning visuals", "clever plot",
                    "amazing encore")));

    private static final Map<Topic, List<String>> CONS = new EnumMap<>(Map.of(
            Topic.PRODUCT, List.of("overpriced", "flimsy buttons", "app keeps crashing", "loud fan",
                    "short warranty"),
            Topic.TRAVEL, List.of("delayed flight", "lost luggage", "overpriced taxis", "noisy room",
                    "endless queues"),
            Topic.FOOD, List.of("cold food", "rude waiter", "tiny portions", "long wait", "overpriced drinks"),
            Topic.SPORTS, List.of("terrible refereeing", "missed penalties", "lazy midfield", "overpriced tickets",
                    "awful parking"),
            Topic.TECH, List.of("random crashes", "drains battery", "settings moved again", "slower than before",
                    "bugs everywhere"),
            Topic.WEATHER, List.of("freezing rain", "power outage", "flooded streets", "icy sidewalks",
                    "no sun for a week"),
            Topic.CUSTOMER_SERVICE, List.of("hours on hold", "transferred five times", "no callback",
                    "canned replies", "ticket closed unresolved"),
            Topic.ENTERTAINMENT, List.of("weak ending", "far too long", "terrible sound mix", "predictable plot",
                    "sold out in minutes")));

    private static final Map<Sentiment, List<String>> EMOJIS = new EnumMap<>(Map.of(
            Sentiment.POSITIVE, List.of("😍", "🎉", "🙌", "😊", "❤️", "👍", "🔥", "✨", "🥳"),
            Sentiment.NEGATIVE, List.of("😡", "🤬", "😤", "👎", "😞", "🙄", "💔", "😩"),
            Sentiment.NEUTRAL, List.of("🤔", "📅", "👀", "📍", "ℹ️"),
            Sentiment.MIXED, List.of("🤷", "😅", "😐", "🙃")));

    private static final Map<Topic, List<String>> TOPIC_TAGS = new EnumMap<>(Map.of(
            Topic.PRODUCT, List.of("review", "gadgets", "unboxing", "shopping"),
            Topic.TRAVEL, List.of("travel", "wanderlust", "vacation", "traveltips"),
            Topic.FOOD, List.of("foodie", "dinner", "homecooking", "eats"),
            Topic.SPORTS, List.of("matchday", "football", "gameday", "sports"),
            Topic.TECH, List.of("tech", "update", "software", "productivity"),
            Topic.WEATHER, List.of("weather", "forecast", "outdoors", "sky"),
            Topic.CUSTOMER_SERVICE, List.of("customerservice", "support", "billing", "help"),
            Topic.ENTERTAINMENT, List.of("nowwatching", "music", "livemusic", "tvshows")));

    private static final Map<Sentiment, List<String>> MOOD_TAGS = new EnumMap<>(Map.of(
            Sentiment.POSITIVE, List.of("blessed", "happy", "recommended"),
            Sentiment.NEGATIVE, List.of("fail", "neveragain", "disappointed"),
            Sentiment.NEUTRAL, List.of(),
            Sentiment.MIXED, List.of("mixedfeelings", "meh")));
}
