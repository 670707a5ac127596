package io.sentimentconsumer.pricelist;

import io.sentimentconsumer.account.CacheTtl;
import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.ModelRoute;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.Routing;
import io.sentimentconsumer.account.ServiceTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rates read from the Price List, gathered into the prices of a table. A price needs an input and an output
 * rate; two different rates for one slot make the price ambiguous, and it is left out rather than one picked.
 */
final class PriceListTable {

    /** The rule that prices a geographic profile without Price List rows of its own. */
    static final String SOURCE_REGION_RULE = "geographic cross-Region inference has no Price List rows of its "
            + "own for this model: priced at the in-Region rate, since AWS bills it at the rate of the Region the "
            + "request is sent from (https://aws.amazon.com/bedrock/pricing/)";

    /**
     * The Regions each geography's profiles are called from, by Region code prefix: a geographic price is written
     * only for those Regions.
     */
    private static final Map<String, String> GEOGRAPHY_REGIONS = Map.of(
            "us", "us-", "us-gov", "us-gov-", "eu", "eu-", "apac", "ap-", "jp", "ap-northeast-",
            "au", "ap-southeast-", "ca", "ca-");

    private record Slot(String model, String region, UsageType.Route route, ServiceTier tier) {}

    private record Rate(UsageType.Rate rate, CacheTtl ttl) {}

    /** The table's prices and the ones it could not write, by reason. */
    record Built(Map<PriceKey, ModelPrice> prices, Tally notWritten) {}

    private final Map<Slot, Map<Rate, BigDecimal>> rates = new HashMap<>();
    private final Set<Slot> ambiguous = new HashSet<>();

    void add(PriceListRow row) {
        Slot slot = new Slot(row.model(), row.region(), row.usage().route(), row.usage().tier());
        BigDecimal earlier = rates.computeIfAbsent(slot, s -> new HashMap<>())
                .putIfAbsent(new Rate(row.usage().rate(), row.usage().ttl()), row.perMillion());
        if (earlier != null && earlier.compareTo(row.perMillion()) != 0) {
            ambiguous.add(slot);
        }
    }

    /**
     * The prices of the in-Region and global rows of every model; geographic rows need the geography that only a
     * profile id names, and are left out.
     */
    Built all(String source, LocalDate asOf) {
        Map<PriceKey, ModelPrice> prices = new HashMap<>();
        Tally notWritten = new Tally();
        for (Slot slot : rates.keySet()) {
            switch (slot.route()) {
                case IN_REGION -> put(prices, notWritten, slot, Routing.IN_REGION, slot, source, asOf);
                case GLOBAL -> put(prices, notWritten, slot, Routing.GLOBAL, slot, source, asOf);
                case GEOGRAPHIC -> notWritten.add("geographic rate: name the profile id (e.g. eu.<model>) in "
                        + "--models to say its geography");
            }
        }
        return new Built(prices, notWritten);
    }

    /** The prices of the given model ids (base models or inference profiles) in every Region read. */
    Built of(List<String> modelIds, String source, LocalDate asOf) {
        Map<PriceKey, ModelPrice> prices = new HashMap<>();
        Tally notWritten = new Tally();
        Set<String> regions = new TreeSet<>();
        rates.keySet().forEach(slot -> regions.add(slot.region()));
        for (String modelId : modelIds) {
            ModelRoute route = ModelRoute.of(modelId);
            for (String region : regions) {
                if (!calledFrom(route.routing(), region)) {
                    notWritten.add("profile of another geography than the Region: " + modelId + " in " + region);
                    continue;
                }
                for (ServiceTier tier : ServiceTier.values()) {
                    Slot wanted = new Slot(route.baseModelId(), region, route(route.routing()), tier);
                    Slot inRegion = new Slot(route.baseModelId(), region, UsageType.Route.IN_REGION, tier);
                    if (rates.containsKey(wanted)) {
                        put(prices, notWritten, wanted, route.routing(), wanted, source, asOf);
                    } else if (route.routing() instanceof Routing.Geographic && rates.containsKey(inRegion)) {
                        put(prices, notWritten, wanted, route.routing(), inRegion,
                                source + "; " + SOURCE_REGION_RULE, asOf);
                    } else if (tier == ServiceTier.DEFAULT) {
                        notWritten.add("no Price List rows for " + modelId + " in " + region);
                    }
                }
            }
        }
        return new Built(prices, notWritten);
    }

    private void put(Map<PriceKey, ModelPrice> prices, Tally notWritten, Slot key, Routing routing, Slot ratesOf,
                     String source, LocalDate asOf) {
        if (ambiguous.contains(ratesOf)) {
            notWritten.add("two different rates for one price");
            return;
        }
        Map<Rate, BigDecimal> slotRates = rates.get(ratesOf);
        BigDecimal input = slotRates.get(new Rate(UsageType.Rate.INPUT, null));
        BigDecimal output = slotRates.get(new Rate(UsageType.Rate.OUTPUT, null));
        if (input == null || output == null) {
            notWritten.add("no input and output rate");
            return;
        }
        ModelPrice.Builder price = ModelPrice.builder(input, output)
                .cacheRead(slotRates.get(new Rate(UsageType.Rate.CACHE_READ, null)))
                .cacheWrite(slotRates.get(new Rate(UsageType.Rate.CACHE_WRITE, null)))
                .source(source, asOf);
        BigDecimal oneHour = slotRates.get(new Rate(UsageType.Rate.CACHE_WRITE, CacheTtl.ONE_HOUR));
        if (oneHour != null) {
            price.cacheWrite(CacheTtl.ONE_HOUR, oneHour);
        }
        prices.put(new PriceKey(key.model(), key.region(), routing, key.tier()), price.build());
    }

    private static boolean calledFrom(Routing routing, String region) {
        if (!(routing instanceof Routing.Geographic geographic)) {
            return true;
        }
        boolean usGov = region.startsWith(GEOGRAPHY_REGIONS.get("us-gov"));
        return region.startsWith(GEOGRAPHY_REGIONS.get(geographic.geography()))
                && (geographic.geography().equals("us-gov") || !usGov);
    }

    private static UsageType.Route route(Routing routing) {
        if (routing instanceof Routing.Geographic) {
            return UsageType.Route.GEOGRAPHIC;
        }
        return routing.equals(Routing.GLOBAL) ? UsageType.Route.GLOBAL : UsageType.Route.IN_REGION;
    }
}
