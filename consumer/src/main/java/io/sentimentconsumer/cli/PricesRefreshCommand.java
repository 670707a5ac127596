package io.sentimentconsumer.cli;

import io.sentimentconsumer.pricelist.PriceListRefresh;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pricing.PricingClient;

/** Writes a price table file from the AWS Price List, for PRICE_TABLE_FILE. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Writes a price table file from the AWS Price List Query API (pricing:GetProducts, service "
                + "code AmazonBedrock; needs pricing:GetProducts permission). Prints what it wrote and what it "
                + "skipped, by reason.")
public final class PricesRefreshCommand implements Callable<Integer> {

    @Option(names = "--region", paramLabel = "REGION", required = true, split = ",",
            description = "Regions calls are sent from, e.g. us-east-1,eu-central-1.")
    List<String> regions;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The table file to write.")
    Path out;

    @Option(names = "--models", paramLabel = "MODEL_ID", split = ",",
            description = "Model ids to price, as configured (amazon.nova-micro-v1:0, eu.amazon.nova-micro-v1:0, "
                    + "global.amazon.nova-2-lite-v1:0). Default: the in-Region and global prices of every Nova "
                    + "and Claude Haiku model the Price List has.")
    List<String> models = List.of();

    @Spec
    CommandSpec spec;

    Supplier<PricingClient> pricing = PriceListRefresh::client;
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        PriceListRefresh.Report report;
        try (PricingClient client = pricing.get()) {
            report = new PriceListRefresh(client, clock).refresh(regions, models, out);
        } catch (SdkException e) {
            spec.commandLine().getErr().println("cannot read the AWS Price List (" + e.getMessage() + "): it needs "
                    + "credentials allowed pricing:GetProducts and a way to api.pricing.us-east-1.amazonaws.com; "
                    + "nothing was written");
            return 1;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %d prices to %s from %d Price List products%n", report.pricesWritten(), out,
                report.products());
        print(stdout, "products skipped", report.productsSkipped());
        print(stdout, "prices not written", report.pricesNotWritten());
        stdout.flush();
        return 0;
    }

    private static void print(PrintWriter out, String title, Map<String, Integer> byReason) {
        out.printf("%s: %d%n", title, byReason.values().stream().mapToInt(Integer::intValue).sum());
        byReason.forEach((reason, count) -> out.printf("  %d  %s%n", count, reason));
    }
}
