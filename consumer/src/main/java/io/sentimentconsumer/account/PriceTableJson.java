package io.sentimentconsumer.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The price table file, version 2: {@code {"version": 2, "entries": [{"model", "region", "routing", "tier",
 * "inputPerMillion", ..., "source", "asOf"}]}} (docs/prices.md). Prices are strings so that no binary floating
 * point ever touches them. Version 1 (prices keyed by model id alone) is refused: it never said which Region,
 * routing or tier its prices were for.
 */
public final class PriceTableJson {

    public static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PriceTableJson() {}

    static Map<PriceKey, ModelPrice> read(byte[] json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("price table " + origin + " cannot be read as JSON: "
                    + e.getClass().getSimpleName(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("price table " + origin + " is not a JSON object");
        }
        if (!root.has("version") && root.has("models")) {
            throw new IllegalArgumentException("price table " + origin + " has the version 1 shape (\"models\" "
                    + "keyed by model id), which does not say which Region, routing or tier its prices are for: "
                    + "rewrite it as {\"version\": 2, \"entries\": [...]} as docs/prices.md shows, or write a new "
                    + "one with `sentiment-consumer prices refresh`");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("price table " + origin + " must have \"version\": " + VERSION
                    + "; has " + root.path("version"));
        }
        JsonNode entries = root.path("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException("price table " + origin + " has no \"entries\"");
        }
        Map<PriceKey, ModelPrice> prices = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "price table " + origin + ", entry " + (i + 1);
            JsonNode entry = entries.get(i);
            PriceKey key = key(entry, where);
            if (prices.put(key, price(entry, where + " (" + key + ")")) != null) {
                throw new IllegalArgumentException(where + ": a second price for " + key + "; keep one");
            }
        }
        return prices;
    }

    /** The table file for these prices. */
    public static String write(Map<PriceKey, ModelPrice> prices) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode entries = root.putArray("entries");
        prices.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(PriceKey.ORDER))
                .forEach(entry -> write(entries.addObject(), entry.getKey(), entry.getValue()));
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("price table cannot be serialised", e);
        }
    }

    private static void write(ObjectNode entry, PriceKey key, ModelPrice price) {
        entry.put("model", key.model());
        entry.put("region", key.region());
        entry.put("routing", key.routing().key());
        entry.put("tier", key.tier().id());
        entry.put("inputPerMillion", price.inputPerMillion().toPlainString());
        entry.put("outputPerMillion", price.outputPerMillion().toPlainString());
        if (price.cacheReadPerMillion() != null) {
            entry.put("cacheReadPerMillion", price.cacheReadPerMillion().toPlainString());
        }
        if (price.cacheWritePerMillion() != null) {
            entry.put("cacheWritePerMillion", price.cacheWritePerMillion().toPlainString());
        }
        if (!price.cacheWritePerMillionByTtl().isEmpty()) {
            ObjectNode byTtl = entry.putObject("cacheWritePerMillionByTtl");
            price.cacheWritePerMillionByTtl().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(rate -> byTtl.put(rate.getKey().label(), rate.getValue().toPlainString()));
        }
        entry.put("source", price.source());
        entry.put("asOf", price.asOf().toString());
    }

    private static PriceKey key(JsonNode entry, String where) {
        String model = text(entry, "model", where);
        if (!ModelRoute.of(model).routing().equals(Routing.IN_REGION)) {
            throw new IllegalArgumentException(where + ": model " + model + " carries an inference-profile prefix; "
                    + "write the base model id and say the routing in \"routing\" (e.g. geo:eu, global)");
        }
        try {
            return new PriceKey(model, text(entry, "region", where), Routing.of(text(entry, "routing", where)),
                    ServiceTier.of(text(entry, "tier", where)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ModelPrice price(JsonNode entry, String where) {
        ModelPrice.Builder price = ModelPrice.builder(
                        required(entry, "inputPerMillion", where), required(entry, "outputPerMillion", where))
                .cacheRead(optional(entry, "cacheReadPerMillion", where))
                .cacheWrite(optional(entry, "cacheWritePerMillion", where));
        JsonNode byTtl = entry.path("cacheWritePerMillionByTtl");
        for (Iterator<String> ttls = byTtl.fieldNames(); ttls.hasNext(); ) {
            String ttl = ttls.next();
            price.cacheWrite(new CacheTtl(ttl), required(byTtl, ttl, where + ", cacheWritePerMillionByTtl"));
        }
        String asOf = text(entry, "asOf", where);
        try {
            return price.source(text(entry, "source", where), LocalDate.parse(asOf)).build();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": asOf must be a date like 2026-10-03; was '" + asOf + "'", e);
        }
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode node = entry.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return node.asText().trim();
    }

    private static BigDecimal required(JsonNode entry, String field, String where) {
        BigDecimal value = optional(entry, field, where);
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return value;
    }

    private static BigDecimal optional(JsonNode entry, String field, String where) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
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
