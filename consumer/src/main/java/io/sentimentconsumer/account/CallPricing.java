package io.sentimentconsumer.account;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Prices each call at the service tier that served it. A request asks for a tier ({@code BEDROCK_SERVICE_TIER}),
 * but the response says which one served it (a flex request may be served otherwise), and that is the rate Bedrock
 * bills. A response that names no tier was served on the default tier when the request named none; when the request
 * asked for another tier, the tier that served it is not known and the call is unpriced, never priced at a guess.
 */
public final class CallPricing {

    /** The tier a call was accounted to, and its price there. */
    public record Priced(String tier, PriceLookup lookup) {}

    private final ServiceTier asked;
    private final Function<ServiceTier, PriceLookup> table;
    private final Map<ServiceTier, PriceLookup> looked = new ConcurrentHashMap<>();

    private CallPricing(ServiceTier asked, Function<ServiceTier, PriceLookup> table) {
        this.asked = asked;
        this.table = table;
    }

    /**
     * Calls to {@code modelId} sent from {@code region}, asking for {@code asked}.
     *
     * @param region empty when no Region is known: every call is then unpriced, with {@code noRegion} as the reason
     */
    public static CallPricing of(PriceTable prices, String modelId, Optional<String> region, ServiceTier asked,
                                 String noRegion) {
        return new CallPricing(asked, tier -> region
                .<PriceLookup>map(r -> prices.lookup(PriceKey.of(modelId, r, tier)))
                .orElseGet(() -> new PriceLookup.Unpriced(noRegion)));
    }

    /** One price for the default tier and none for any other: for a model priced outside a table. */
    public static CallPricing defaultTierOnly(Optional<ModelPrice> price) {
        return new CallPricing(ServiceTier.DEFAULT, tier -> tier == ServiceTier.DEFAULT && price.isPresent()
                ? new PriceLookup.Priced(null, price.get())
                : new PriceLookup.Unpriced("no price for the " + tier.id() + " tier"));
    }

    /** The price at the tier requests ask for: what the start-up warning checks. */
    public PriceLookup expected() {
        return lookup(asked);
    }

    public ServiceTier asked() {
        return asked;
    }

    /**
     * The tier a call is accounted to and its price there.
     *
     * @param servedTier the tier the response reported, as the service named it; {@code null} when it named none
     */
    public Priced priceFor(String servedTier) {
        if (servedTier == null) {
            return asked == ServiceTier.DEFAULT
                    ? new Priced(ServiceTier.DEFAULT.id(), lookup(ServiceTier.DEFAULT))
                    : new Priced(null, new PriceLookup.Unpriced("the response named no service tier for a request "
                            + "that asked for " + asked.id()));
        }
        Optional<ServiceTier> tier = ServiceTier.find(servedTier);
        return tier.map(t -> new Priced(t.id(), lookup(t)))
                .orElseGet(() -> new Priced(servedTier, new PriceLookup.Unpriced("served on tier '" + servedTier
                        + "', which this version does not price")));
    }

    private PriceLookup lookup(ServiceTier tier) {
        return looked.computeIfAbsent(tier, table);
    }
}
