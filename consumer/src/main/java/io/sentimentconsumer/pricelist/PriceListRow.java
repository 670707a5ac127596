package io.sentimentconsumer.pricelist;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One on-demand per-token rate of one model in one Region, read from a Price List product. The product must be
 * on-demand inference ({@code feature} {@code On-demand Inference}, or none: AWS leaves it out on global
 * cross-Region rows), name a model {@link BedrockModelNames} knows, have a usage type {@link UsageType} reads, and
 * have exactly one price dimension in USD per 1K or 1M tokens.
 */
record PriceListRow(String model, String region, UsageType usage, BigDecimal perMillion) {

    private static final Set<String> ON_DEMAND = Set.of("", "On-demand Inference");
    private static final Map<String, Integer> MILLION_SHIFT = Map.of("1K tokens", 3, "1M tokens", 0);

    static Reading<PriceListRow> read(PriceListProduct product) {
        if (!ON_DEMAND.contains(product.attribute("feature"))) {
            return Reading.skipped("feature " + product.attribute("feature") + " (not on-demand inference)");
        }
        Optional<String> model = BedrockModelNames.modelId(product.attribute("model"));
        if (model.isEmpty()) {
            return Reading.skipped("model not mapped to a model id: " + product.attribute("model"));
        }
        if (product.attribute("regionCode").isEmpty()) {
            return Reading.skipped("no regionCode");
        }
        if (product.dimensions().size() != 1) {
            return Reading.skipped("not exactly one on-demand price dimension");
        }
        PriceListProduct.Dimension dimension = product.dimensions().get(0);
        Integer shift = MILLION_SHIFT.get(dimension.unit());
        if (shift == null) {
            return Reading.skipped("unit " + dimension.unit() + " (not per 1K or 1M tokens)");
        }
        BigDecimal usd;
        try {
            usd = new BigDecimal(dimension.usd());
        } catch (NumberFormatException | NullPointerException e) {
            return Reading.skipped("no USD price");
        }
        Reading<UsageType> usage = UsageType.read(product.attribute("usagetype"));
        if (usage instanceof Reading.Skipped<UsageType> skipped) {
            return Reading.skipped(skipped.reason());
        }
        return new Reading.Read<>(new PriceListRow(model.get(), product.attribute("regionCode"),
                ((Reading.Read<UsageType>) usage).value(), usd.movePointRight(shift).stripTrailingZeros()));
    }
}
