package io.sentimentconsumer.account;

/**
 * How long a prompt-cache entry lives, as Converse's {@code usage.cacheDetails} names it ({@code 5m}, {@code 1h}).
 * A cache write's price depends on it; a name is kept as given so that a lifetime Bedrock adds later is simply
 * one the price table lacks (and so unpriced), not an error.
 */
public record CacheTtl(String label) implements Comparable<CacheTtl> {

    public static final CacheTtl FIVE_MINUTES = new CacheTtl("5m");
    public static final CacheTtl ONE_HOUR = new CacheTtl("1h");

    public CacheTtl {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a cache TTL needs a label such as 5m or 1h");
        }
    }

    /** By label, so that tables list lifetimes in one order. */
    @Override
    public int compareTo(CacheTtl other) {
        return label.compareTo(other.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
