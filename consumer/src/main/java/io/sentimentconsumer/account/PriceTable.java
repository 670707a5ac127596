package io.sentimentconsumer.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices kept as data: the bundled {@code prices.json}, or a file of the same shape named by
 * {@code PRICE_TABLE_FILE}. Cross-region inference profile ids ({@code us.amazon.nova-micro-v1:0},
 * {@code eu.}, {@code apac.}, {@code global.} and the other geography prefixes) are priced as their base model.
 */
public final class PriceTable {

    private static final String BUNDLED = "/io/sentimentconsumer/account/prices.json";
    private static final List<String> PROFILE_PREFIXES = List.of("us.", "us-gov.", "eu.", "apac.", "jp.", "au.", "ca.", "global.");

    private final Map<String, ModelPrice> prices;

    private PriceTable(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price table " + BUNDLED + " is missing from the jar");
            }
            return parse(new ObjectMapper().readTree(in), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled price table", e);
        }
    }

    public static PriceTable fromFile(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("PRICE_TABLE_FILE " + file + " cannot be read as JSON: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Looks a model up by its id, or by its base model's id when it is a cross-region inference profile. */
    public Optional<ModelPrice> priceFor(String modelId) {
        return Optional.ofNullable(prices.get(baseModelId(modelId)));
    }

    static String baseModelId(String modelId) {
        for (String prefix : PROFILE_PREFIXES) {
            if (modelId.startsWith(prefix)) {
                return modelId.substring(prefix.length());
            }
        }
        return modelId;
    }

    private static PriceTable parse(JsonNode root, String origin) {
        JsonNode models = root.path("models");
        if (!models.isObject() || models.isEmpty()) {
            throw new IllegalArgumentException("price table " + origin + " has no \"models\" object");
        }
        Map<String, ModelPrice> prices = new HashMap<>();
        models.fields().forEachRemaining(entry -> {
            JsonNode p = entry.getValue();
            String where = "price table " + origin + ", model " + entry.getKey();
            prices.put(entry.getKey(), new ModelPrice(
                    required(p, "inputPerMillion", where),
                    required(p, "outputPerMillion", where),
                    optional(p, "cacheReadPerMillion", where),
                    optional(p, "cacheWritePerMillion", where),
                    p.path("source").asText(null),
                    p.path("asOf").asText(null)));
        });
        return new PriceTable(prices);
    }

    private static BigDecimal required(JsonNode price, String field, String where) {
        BigDecimal value = optional(price, field, where);
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return value;
    }

    private static BigDecimal optional(JsonNode price, String field, String where) {
        JsonNode node = price.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            // Prices are strings so that no binary floating point ever touches them.
            BigDecimal value = new BigDecimal(node.asText());
            if (value.signum() < 0) {
                throw new IllegalArgumentException(where + ": " + field + " is negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + " is not a decimal number", e);
        }
    }
}
