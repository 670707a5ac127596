package io.sentimentconsumer.cli;

import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.ModelRoute;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.Routing;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the prices in force, as the consumer would look them up, with where each comes from and its age. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints the prices in force (PRICE_TABLE_FILE, --price-table, or the bundled table): USD per "
                + "1M tokens by model, Region, routing and tier, with each price's source and age in days.")
public final class PricesShowCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL_ID",
            description = "Only this model: a base model id shows every routing, an inference profile id "
                    + "(eu.amazon.nova-micro-v1:0) only its own.")
    String model;

    @Option(names = "--region", paramLabel = "REGION", description = "Only calls sent from this Region.")
    String region;

    @Option(names = "--price-table", paramLabel = "FILE", defaultValue = "${env:PRICE_TABLE_FILE}",
            description = "Price table file (default: PRICE_TABLE_FILE, else the bundled table).")
    String priceTable;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PriceTable table = PriceTable.load(priceTable == null || priceTable.isBlank() ? null : Path.of(priceTable));
        List<Map.Entry<PriceKey, ModelPrice>> shown = table.prices().entrySet().stream()
                .filter(entry -> matches(entry.getKey()))
                .toList();
        if (shown.isEmpty()) {
            spec.commandLine().getErr().println("no price in " + table.origin() + " for"
                    + (model == null ? "" : " model " + model) + (region == null ? "" : " in " + region)
                    + ": `prices show` without filters lists what it has");
            return 1;
        }
        LocalDate today = LocalDate.now(clock);
        TextTable text = new TextTable("MODEL", "REGION", "ROUTING", "TIER", "INPUT", "OUTPUT", "CACHE READ",
                "CACHE WRITE", "AGE (DAYS)", "SOURCE");
        for (Map.Entry<PriceKey, ModelPrice> entry : shown) {
            PriceKey key = entry.getKey();
            ModelPrice price = entry.getValue();
            text.row(key.model(), key.region(), key.routing().key(), key.tier().id(),
                    usd(price.inputPerMillion()), usd(price.outputPerMillion()), usd(price.cacheReadPerMillion()),
                    cacheWrite(price), Long.toString(ChronoUnit.DAYS.between(price.asOf(), today)), price.source());
        }
        var out = spec.commandLine().getOut();
        out.println("Prices in force, from " + table.origin() + ": USD per 1M tokens; a combination not listed "
                + "is unpriced.");
        text.lines().forEach(out::println);
        table.staleness(clock).ifPresent(out::println);
        out.flush();
        return 0;
    }

    private boolean matches(PriceKey key) {
        if (region != null && !region.equals(key.region())) {
            return false;
        }
        if (model == null) {
            return true;
        }
        ModelRoute route = ModelRoute.of(model);
        return route.baseModelId().equals(key.model())
                && (route.routing().equals(Routing.IN_REGION) || route.routing().equals(key.routing()));
    }

    private static String usd(BigDecimal perMillion) {
        return perMillion == null ? "-" : perMillion.toPlainString();
    }

    private static String cacheWrite(ModelPrice price) {
        String byTtl = price.cacheWritePerMillionByTtl().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(rate -> rate.getKey().label() + " " + rate.getValue().toPlainString())
                .collect(Collectors.joining(", "));
        if (price.cacheWritePerMillion() == null) {
            return byTtl.isEmpty() ? "-" : byTtl;
        }
        return byTtl.isEmpty() ? usd(price.cacheWritePerMillion())
                : usd(price.cacheWritePerMillion()) + ", " + byTtl;
    }
}
