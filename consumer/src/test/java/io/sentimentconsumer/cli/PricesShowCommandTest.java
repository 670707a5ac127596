package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PricesShowCommandTest {

    private static final Clock DECEMBER_1 =
            Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    record Run(int exitCode, List<String> out, String err) {}

    private static Run show(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PricesShowCommand command = new PricesShowCommand();
        command.clock = DECEMBER_1;
        int exitCode = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString().lines().toList(), err.toString());
    }

    @Test
    void printsTheBundledRatesOfAModelAndRegionAlignedWithSourceAndAge() {
        Run run = show("--model", "amazon.nova-micro-v1:0", "--region", "eu-central-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).hasSize(4);
        assertThat(run.out().get(0)).isEqualTo("Prices in force, from bundled prices.json: USD per 1M tokens; "
                + "a combination not listed is unpriced.");
        assertThat(run.out().get(1)).startsWith("MODEL                   REGION        ROUTING    TIER     INPUT  "
                + "OUTPUT  CACHE READ  CACHE WRITE  AGE (DAYS)  SOURCE");
        // 2026-10-03 to 2026-12-01 is 59 days.
        assertThat(run.out().get(2)).startsWith("amazon.nova-micro-v1:0  eu-central-1  geo:eu     default  0.046  "
                + "0.184   -           -            59          AWS Price List API, offer AmazonBedrock for eu-central-1");
        assertThat(run.out().get(3)).startsWith("amazon.nova-micro-v1:0  eu-central-1  in-region  default  0.046  "
                + "0.184   -           -            59          AWS Price List API");
    }

    @Test
    void showsOnlyTheRoutingOfAProfileId() {
        Run run = show("--model", "us.amazon.nova-micro-v1:0");

        assertThat(run.out()).hasSize(3);
        assertThat(run.out().get(2)).startsWith("amazon.nova-micro-v1:0  us-east-1  geo:us   default  0.035  0.14    "
                + "0.00875     0.035        548");
    }

    @Test
    void readsTheGivenTableAndWarnsWhenItIsStale() throws IOException {
        Path table = Files.writeString(dir.resolve("prices.json"), """
                {"version": 2, "entries": [{"model": "acme.model-v1:0", "region": "eu-west-1", "routing": "global",
                  "tier": "flex", "inputPerMillion": "1.5", "outputPerMillion": "6",
                  "cacheWritePerMillion": "1.5", "cacheWritePerMillionByTtl": {"1h": "3", "5m": "1.875"},
                  "source": "contract 42", "asOf": "2026-06-01"}]}
                """);

        Run run = show("--price-table", table.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsExactly(
                "Prices in force, from " + table + ": USD per 1M tokens; a combination not listed is unpriced.",
                "MODEL            REGION     ROUTING  TIER  INPUT  OUTPUT  CACHE READ  CACHE WRITE          "
                        + "AGE (DAYS)  SOURCE",
                "acme.model-v1:0  eu-west-1  global   flex  1.5    6       -           1.5, 1h 3, 5m 1.875  "
                        + "183         contract 42",
                "Price table " + table + " is stale: its newest price is as of 2026-06-01, 183 days ago (over 90). "
                        + "Costs may be off: write a new table with `sentiment-consumer prices refresh --region "
                        + "<region> --out prices.json` and set PRICE_TABLE_FILE");
    }

    @Test
    void failsWithAMessageWhenNothingMatches() {
        Run run = show("--model", "amazon.nova-micro-v1:0", "--region", "eu-west-3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("no price in bundled prices.json for model amazon.nova-micro-v1:0 in "
                + "eu-west-3: `prices show` without filters lists what it has");
    }

    @Test
    void isACommandOfTheCli() {
        CommandLine prices = Main.commandLine().getSubcommands().get("prices");

        assertThat(prices.getSubcommands()).containsOnlyKeys("show", "refresh");
    }
}
