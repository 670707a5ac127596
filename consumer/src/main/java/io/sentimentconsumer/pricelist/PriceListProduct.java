package io.sentimentconsumer.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of {@code GetProducts}' {@code PriceList}: a product's attributes ({@code product.attributes}) and
 * its on-demand price dimensions ({@code terms.OnDemand.<offer>.priceDimensions.<rate>}, each a {@code unit} and a
 * {@code pricePerUnit.USD} string).
 */
record PriceListProduct(Map<String, String> attributes, List<Dimension> dimensions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param usd the price per unit as the Price List writes it, a decimal string */
    record Dimension(String unit, String usd) {}

    static Reading<PriceListProduct> parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            return Reading.skipped("not a JSON price list document");
        }
        Map<String, String> attributes = new HashMap<>();
        root.path("product").path("attributes").fields()
                .forEachRemaining(field -> attributes.put(field.getKey(), field.getValue().asText()));
        List<Dimension> dimensions = new ArrayList<>();
        for (JsonNode term : root.path("terms").path("OnDemand")) {
            for (JsonNode dimension : term.path("priceDimensions")) {
                dimensions.add(new Dimension(dimension.path("unit").asText(),
                        dimension.path("pricePerUnit").path("USD").asText(null)));
            }
        }
        return new Reading.Read<>(new PriceListProduct(Map.copyOf(attributes), List.copyOf(dimensions)));
    }

    String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
