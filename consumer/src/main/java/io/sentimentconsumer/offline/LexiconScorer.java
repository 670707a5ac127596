package io.sentimentconsumer.offline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compact sentiment scorer after VADER (Hutto &amp; Gilbert, ICWSM 2014): it adds up the lexicon valences of a
 * post's words, adjusted by the five cues the paper found to shift people's ratings (negation, degree words,
 * capitals, "but", exclamation marks), and squashes the sum into [-1, 1]. The factors are those of VADER's reference
 * implementation. Stateless over an immutable lexicon, so one instance serves any number of threads.
 */
final class LexiconScorer {

    private static final double NEGATION_FACTOR = -0.74;
    private static final double DEGREE_STEP = 0.293;
    private static final double CAPS_EMPHASIS = 0.733;
    private static final double EXCLAMATION_STEP = 0.292;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double BEFORE_BUT = 0.5;
    private static final double AFTER_BUT = 1.5;
    /** Sets how fast the compound approaches ±1 as valences add up; 15 is VADER's choice. */
    private static final double NORMALISATION_ALPHA = 15;
    /** How many tokens back a negation or degree word still reaches. */
    private static final int REACH = 3;
    /** A degree word farther from the word it modifies counts for a little less. */
    private static final double[] DEGREE_DECAY = {1.0, 0.95, 0.9};

    private static final Set<String> BOOSTERS = Set.of(
            "absolutely", "completely", "deeply", "especially", "exceptionally", "extremely", "highly", "hugely",
            "incredibly", "particularly", "really", "remarkably", "so", "thoroughly", "totally", "utterly", "very");
    private static final Set<String> DAMPENERS = Set.of(
            "slightly", "somewhat", "barely", "hardly", "scarcely", "marginally", "partly", "kinda", "sorta",
            "kind of", "sort of", "a bit", "a little");
    /** Words ending in "n't" negate as well; the apostrophe-less spellings are common in posts. */
    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "cannot", "nor", "neither", "nothing", "nobody", "none", "nowhere", "without",
            "aint", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt",
            "shouldnt", "couldnt", "havent", "hasnt", "hadnt");
    private static final String BUT = "but";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern OUTER_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private final Map<String, Double> lexicon;

    LexiconScorer(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    /** The compound score of a text: in [-1, 1], rounded half up to two decimals; 0 when nothing in it is rated. */
    double score(String text) {
        List<Token> tokens = tokenize(text);
        // Capitals are emphasis only against lower case; a post written all in capitals is just written so.
        boolean capsStandOut = tokens.stream().anyMatch(Token::shouted)
                && tokens.stream().anyMatch(Token::hasLowerCase);
        int but = indexOf(tokens, BUT);

        double sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            double valence = valence(tokens, i, capsStandOut);
            // What follows "but" is what the writer means ("the food was great but the service was awful").
            if (but >= 0) {
                valence *= i < but ? BEFORE_BUT : AFTER_BUT;
            }
            sum += valence;
        }
        if (sum != 0) {
            long marks = text.chars().filter(c -> c == '!').limit(MAX_EXCLAMATIONS).count();
            sum += Math.signum(sum) * EXCLAMATION_STEP * marks;
        }
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA)));
        return BigDecimal.valueOf(compound).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private double valence(List<Token> tokens, int i, boolean capsStandOut) {
        Token token = tokens.get(i);
        Double rated = lexicon.get(token.key());
        // Modifiers shape the words after them rather than count themselves ("no" and "kind" are rated words too).
        if (rated == null || rated == 0 || isModifier(token.key())) {
            return 0;
        }
        double intensity = Math.abs(rated);
        if (capsStandOut && token.shouted()) {
            intensity += CAPS_EMPHASIS;
        }
        boolean negated = false;
        for (int back = 1; back <= REACH && i - back >= 0; back++) {
            String before = tokens.get(i - back).key();
            if (BOOSTERS.contains(before)) {
                intensity += DEGREE_STEP * DEGREE_DECAY[back - 1];
            } else if (DAMPENERS.contains(before)) {
                intensity -= DEGREE_STEP * DEGREE_DECAY[back - 1];
            }
            negated |= isNegation(before);
        }
        // A dampener takes a mildly rated word towards neutral, never past it.
        double valence = Math.signum(rated) * Math.max(0, intensity);
        // Negation weakens as well as flips: "not great" is milder than "bad".
        return negated ? valence * NEGATION_FACTOR : valence;
    }

    private List<Token> tokenize(String text) {
        List<Token> words = new ArrayList<>();
        for (String raw : WHITESPACE.split(text.replace('\u2019', '\''))) {
            if (lexicon.containsKey(raw)) {
                // Emoticons such as ":)" or ":D" would not survive the punctuation stripping below.
                words.add(new Token(raw, raw));
                continue;
            }
            String written = OUTER_PUNCTUATION.matcher(raw).replaceAll("");
            if (!written.isEmpty()) {
                words.add(new Token(written.toLowerCase(Locale.ROOT), written));
            }
        }
        return joinPhrases(words);
    }

    /** Two words that the lexicon or the dampeners know as one ("can't stand", "kind of") become one token. */
    private List<Token> joinPhrases(List<Token> words) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size()) {
                String phrase = words.get(i).key() + " " + words.get(i + 1).key();
                if (lexicon.containsKey(phrase) || DAMPENERS.contains(phrase)) {
                    tokens.add(new Token(phrase, words.get(i).written() + " " + words.get(i + 1).written()));
                    i++;
                    continue;
                }
            }
            tokens.add(words.get(i));
        }
        return tokens;
    }

    private static boolean isModifier(String key) {
        return BOOSTERS.contains(key) || DAMPENERS.contains(key) || isNegation(key) || BUT.equals(key);
    }

    private static boolean isNegation(String key) {
        return NEGATIONS.contains(key) || key.endsWith("n't");
    }

    private static int indexOf(List<Token> tokens, String key) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** A token: its lexicon key, and the text as written, which tells whether it was written in capitals. */
    private record Token(String key, String written) {

        boolean hasLowerCase() {
            return written.codePoints().anyMatch(Character::isLowerCase);
        }

        /** A lone capital ("I", ":D") is not shouting. */
        boolean shouted() {
            return written.codePoints().filter(Character::isLetter).count() >= 2 && !hasLowerCase();
        }
    }
}
