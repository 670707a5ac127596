package io.sentimentconsumer.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Model prices kept as data, keyed by model, Region, routing and service tier ({@link PriceKey}): the bundled
 * {@code prices.json}, or a file of the same shape named by {@code PRICE_TABLE_FILE} (docs/prices.md). A key the
 * table lacks is unpriced; nothing is ever priced at another key's rate.
 */
public final class PriceTable {

    /** Prices older than this draw a warning: public list prices do change. */
    public static final int STALE_AFTER_DAYS = 90;

    static final String BUNDLED = "/io/sentimentconsumer/account/prices.json";

    private final String origin;
    private final Map<PriceKey, ModelPrice> prices;

    PriceTable(String origin, Map<PriceKey, ModelPrice> prices) {
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("price table " + origin + " has no entries");
        }
        this.origin = origin;
        TreeMap<PriceKey, ModelPrice> sorted = new TreeMap<>(PriceKey.ORDER);
        sorted.putAll(prices);
        this.prices = Collections.unmodifiableMap(sorted);
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price table " + BUNDLED + " is missing from the jar");
            }
            return new PriceTable("bundled prices.json", PriceTableJson.read(in.readAllBytes(), "bundled prices.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled price table", e);
        }
    }

    public static PriceTable fromFile(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("price table " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "): check PRICE_TABLE_FILE", e);
        }
        return new PriceTable(file.toString(), PriceTableJson.read(json, file.toString()));
    }

    /** The table in force: the file when one is named, else the bundled one. */
    public static PriceTable load(Path fileOrNull) {
        return fileOrNull == null ? bundled() : fromFile(fileOrNull);
    }

    /** Where the table was read from, for messages. */
    public String origin() {
        return origin;
    }

    /** Every price, ordered by model, Region, routing and tier. */
    public Map<PriceKey, ModelPrice> prices() {
        return prices;
    }

    public PriceLookup lookup(PriceKey key) {
        ModelPrice price = prices.get(key);
        if (price != null) {
            return new PriceLookup.Priced(key, price);
        }
        String pricedIn = prices.keySet().stream()
                .filter(k -> k.model().equals(key.model()))
                .map(k -> k.region() + " " + k.routing().key() + " " + k.tier().id())
                .collect(Collectors.joining(", "));
        return new PriceLookup.Unpriced("the price table (" + origin + ") has no price for " + key
                + (pricedIn.isEmpty() ? " nor for any other Region, routing or tier of it"
                        : " (it prices: " + pricedIn + ")")
                + ": add the price to a PRICE_TABLE_FILE, see docs/prices.md");
    }

    /** The date of the newest price in the table. */
    public LocalDate newestAsOf() {
        return prices.values().stream().map(ModelPrice::asOf).max(LocalDate::compareTo).orElseThrow();
    }

    /** A warning to log when even the newest price is older than {@value #STALE_AFTER_DAYS} days. */
    public Optional<String> staleness(Clock clock) {
        long days = ChronoUnit.DAYS.between(newestAsOf(), LocalDate.now(clock));
        if (days <= STALE_AFTER_DAYS) {
            return Optional.empty();
        }
        return Optional.of("Price table " + origin + " is stale: its newest price is as of " + newestAsOf() + ", "
                + days + " days ago (over " + STALE_AFTER_DAYS + "). Costs may be off: write a new table with "
                + "`sentiment-consumer prices refresh --region <region> --out prices.json` and set PRICE_TABLE_FILE");
    }
}
