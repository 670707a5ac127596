package io.sentimentconsumer.account;

import java.util.Comparator;
import java.util.Objects;

/**
 * What a price is looked up by: the base model, the Region the call is sent from (Bedrock bills at that Region's
 * rate, wherever the call is served), the routing and the service tier. A table either has this exact key or the
 * call is unpriced; no other Region's, routing's or tier's rate ever stands in.
 */
public record PriceKey(String model, String region, Routing routing, ServiceTier tier) {

    /** The table file's order: by model, then Region, routing and tier. */
    public static final Comparator<PriceKey> ORDER = Comparator.comparing(PriceKey::model)
            .thenComparing(PriceKey::region)
            .thenComparing(key -> key.routing().key())
            .thenComparing(PriceKey::tier);

    public PriceKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(tier, "tier");
    }

    /** The key of a call to {@code modelId} (a base model or an inference profile) sent from {@code region}. */
    public static PriceKey of(String modelId, String region, ServiceTier tier) {
        ModelRoute route = ModelRoute.of(modelId);
        return new PriceKey(route.baseModelId(), region, route.routing(), tier);
    }

    @Override
    public String toString() {
        return model + " in " + region + ", " + routing.key() + ", " + tier.id() + " tier";
    }
}
