package io.sentimentconsumer.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bedrock's service tiers, by the names Converse's {@code serviceTier} takes ({@code ServiceTierType} in the SDK).
 * {@link #DEFAULT} is what Bedrock's pricing page calls the Standard tier: a request that names no tier is served on
 * it. Reserved capacity is paid per tokens-per-minute reserved, not per token, so no table prices a call on it.
 */
public enum ServiceTier {
    DEFAULT("default"),
    FLEX("flex"),
    PRIORITY("priority"),
    RESERVED("reserved");

    private final String id;

    ServiceTier(String id) {
        this.id = id;
    }

    /** The tier's name in Converse and in the price table file. */
    public String id() {
        return id;
    }

    /** The tier by its name in Converse, or empty for a name this version does not know. */
    public static Optional<ServiceTier> find(String id) {
        String name = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(tier -> tier.id.equals(name)).findFirst();
    }

    public static ServiceTier of(String id) {
        return Arrays.stream(values())
                .filter(tier -> tier.id.equals(id.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("service tier must be one of "
                        + Arrays.stream(values()).map(ServiceTier::id).collect(Collectors.joining(", "))
                        + "; was '" + id + "'"));
    }
}
