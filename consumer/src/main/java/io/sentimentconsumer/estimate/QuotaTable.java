package io.sentimentconsumer.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.Routing;
import io.sentimentconsumer.account.ServiceTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bedrock's default quotas as data, keyed as prices are ({@link PriceKey}): the bundled {@code quotas.json}, or a
 * file of the same shape (docs/estimate.md). A key the table lacks has unknown quotas; no other key's stand in.
 */
public final class QuotaTable {

    static final String BUNDLED = "/io/sentimentconsumer/estimate/quotas.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;
    private final Map<PriceKey, Quota> quotas;

    private QuotaTable(String origin, Map<PriceKey, Quota> quotas) {
        this.origin = origin;
        this.quotas = Map.copyOf(quotas);
    }

    public static QuotaTable bundled() {
        try (InputStream in = QuotaTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled quota table " + BUNDLED + " is missing from the jar");
            }
            return read(in.readAllBytes(), "bundled quotas.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled quota table", e);
        }
    }

    public static QuotaTable fromFile(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("quota table " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "): check --quota-table", e);
        }
    }

    /** The file's table, else the bundled one. */
    public static QuotaTable load(Path fileOrNull) {
        return fileOrNull == null ? bundled() : fromFile(fileOrNull);
    }

    public String origin() {
        return origin;
    }

    public Optional<Quota> lookup(PriceKey key) {
        return Optional.ofNullable(quotas.get(key));
    }

    static QuotaTable read(byte[] json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("quota table " + origin + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != 1 || !root.path("entries").isArray()) {
            throw new IllegalArgumentException("quota table " + origin + " must be {\"version\": 1, \"entries\": "
                    + "[...]}: see docs/estimate.md");
        }
        Map<PriceKey, Quota> quotas = new HashMap<>();
        int number = 0;
        for (JsonNode entry : root.get("entries")) {
            number++;
            try {
                PriceKey key = new PriceKey(text(entry, "model"), text(entry, "region"),
                        Routing.of(text(entry, "routing")), ServiceTier.of(text(entry, "tier")));
                Quota quota = new Quota(count(entry, "tokensPerMinute"), count(entry, "requestsPerMinute"),
                        entry.path("quota").asText(null), text(entry, "source"), LocalDate.parse(text(entry, "asOf")));
                if (quota.tokensPerMinute().isEmpty() && quota.requestsPerMinute().isEmpty()) {
                    throw new IllegalArgumentException("it gives neither tokensPerMinute nor requestsPerMinute");
                }
                if (quotas.putIfAbsent(key, quota) != null) {
                    throw new IllegalArgumentException("a second entry for " + key);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("quota table " + origin + ", entry " + number + ": "
                        + e.getMessage(), e);
            }
        }
        return new QuotaTable(origin, quotas);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required and must be a string");
        }
        return value.asText();
    }

    private static OptionalLong count(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw new IllegalArgumentException(field + " must be a whole number above 0; was " + value);
        }
        return OptionalLong.of(value.asLong());
    }
}
