package io.sentimentconsumer.ingest;

/**
 * Prepares a post's text for the one-line-per-post prompt: every run of whitespace (newlines and tabs included)
 * becomes one space, and the text is capped at a number of characters (code points, so no emoji is cut in half).
 */
public final class PostText {

    private final int maxChars;

    public PostText(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public Prepared prepare(String content) {
        String collapsed = content.strip().replaceAll("[\\s\\p{Z}\\u0085]+", " ");
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
