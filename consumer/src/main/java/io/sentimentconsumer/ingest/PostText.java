package io.sentimentconsumer.ingest;

import java.util.regex.Pattern;

/**
 * Prepares a post's text for the one-line-per-post prompt: every run of whitespace (newlines and tabs included,
 * and the spaces that look like none, see {@link #SPACE}) becomes one space, and the text is capped at a number of
 * characters (code points, so no emoji is cut in half).
 */
public final class PostText {

    /**
     * A character that shows as a space or as nothing between words: Unicode's White_Space (no-break U+00A0, figure
     * U+2007, narrow no-break U+202F, ideographic U+3000, line and paragraph separators, NEL), Java's other
     * whitespace (U+001C-U+001F), and the zero-width ones: zero-width space U+200B, word joiner U+2060, BOM or
     * zero-width no-break space U+FEFF, Mongolian vowel separator U+180E. Left out on purpose: the zero-width
     * joiner U+200D and non-joiner U+200C, which emoji sequences and Persian or Indic words are made of.
     */
    private static final Pattern SPACE =
            Pattern.compile("[\\p{IsWhite_Space}\\u001C-\\u001F\\u200B\\u2060\\uFEFF\\u180E]");
    private static final Pattern SPACES = Pattern.compile(SPACE.pattern() + "+");

    private final int maxChars;

    public PostText(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * Whether content has nothing to read: only spaces as above and other invisible format characters (joiners,
     * soft hyphens, direction marks, tags). Sending it would bill tokens for a post the model cannot rate.
     */
    public static boolean isBlank(String content) {
        return content.codePoints().allMatch(c -> Character.getType(c) == Character.FORMAT
                || SPACE.matcher(Character.toString(c)).matches());
    }

    public Prepared prepare(String content) {
        String collapsed = SPACES.matcher(content).replaceAll(" ").strip();
        int codePoints = collapsed.codePointCount(0, collapsed.length());
        if (codePoints <= maxChars) {
            return new Prepared(collapsed, false);
        }
        int end = collapsed.offsetByCodePoints(0, maxChars);
        return new Prepared(collapsed.substring(0, end), true);
    }

    /** The text as it goes into the prompt, and whether it was cut to the cap. */
    public record Prepared(String text, boolean truncated) {}
}
