package io.sentimentconsumer.estimate;

import io.sentimentconsumer.account.ModelRoute;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.ServiceTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which models, in which Regions, an estimate covers: the models asked for, else every one the price table prices
 * in the Region and tier; in the Region asked for, else in every Region the table has prices for.
 */
public final class EstimateModels {

    /**
     * One model in one Region.
     *
     * @param modelId the id the consumer would be configured with ({@code BEDROCK_MODEL_ID}), profile prefix and all
     * @param key     what its price and quotas are looked up by
     */
    public record Choice(String modelId, PriceKey key) {}

    private EstimateModels() {}

    /**
     * @param region {@code null} for every Region the table has prices for
     * @param ids    {@code null} for every model id the table prices in each Region on {@code tier}, one for each
     *               routing ({@code amazon.nova-micro-v1:0}, {@code us.amazon.nova-micro-v1:0}, ...), in the table's
     *               order. The table holds text models only: {@code prices refresh} writes no other.
     * @throws IllegalArgumentException for an id the table knows in no Region, or when nothing is left to estimate,
     *                                  naming what to do
     */
    public static List<Choice> choose(PriceTable table, String region, ServiceTier tier, List<String> ids) {
        if (ids != null) {
            requireKnown(table, ids);
        }
        List<String> regions = region != null ? List.of(region)
                : new ArrayList<>(new TreeSet<>(table.prices().keySet().stream().map(PriceKey::region).toList()));
        List<Choice> choices = new ArrayList<>();
        for (String in : regions) {
            List<String> models = ids != null ? ids : table.prices().keySet().stream()
                    .filter(key -> key.region().equals(in) && key.tier() == tier)
                    .map(key -> new ModelRoute(key.model(), key.routing()).modelId())
                    .toList();
            models.forEach(id -> choices.add(new Choice(id, PriceKey.of(id, in, tier))));
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("the price table (" + table.origin() + ") prices no model"
                    + (region == null ? "" : " in " + region) + " on the " + tier.id() + " tier: name models with "
                    + "--models to see them listed as unpriced, or add their prices to a PRICE_TABLE_FILE "
                    + "(docs/prices.md)");
        }
        return choices;
    }

    /** An id the table knows nowhere is a typo more often than a model, and could only ever be "unpriced". */
    private static void requireKnown(PriceTable table, List<String> ids) {
        Set<String> models = new TreeSet<>(table.prices().keySet().stream().map(PriceKey::model).toList());
        for (String id : ids) {
            if (!models.contains(ModelRoute.of(id).baseModelId())) {
                throw new IllegalArgumentException("unknown model '" + id + "': the price table (" + table.origin()
                        + ") has no price for it in any Region. Use one of " + String.join(", ", models)
                        + " (with a us./eu./apac./global. prefix for a profile), or add its prices to a "
                        + "PRICE_TABLE_FILE (docs/prices.md)");
            }
        }
    }
}
