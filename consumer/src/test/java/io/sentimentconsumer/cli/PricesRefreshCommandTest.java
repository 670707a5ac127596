package io.sentimentconsumer.cli;

import static io.sentimentconsumer.testing.FakePriceList.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.analyze.InstantModel;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.testing.FakePriceList;
import io.sentimentconsumer.testing.JsonLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.pricing.PricingClient;

class PricesRefreshCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesATableThatTheConsumerPricesCallsWithAsPriceTableFile() throws Exception {
        Path out = dir.resolve("prices.json");
        StringWriter stdout = new StringWriter();
        try (FakePriceList priceList = new FakePriceList().region("eu-west-1", List.of(
                List.of(tokens("eu-west-1", "Nova Micro", "EUW1-NovaMicro-input-tokens", "0.000046")),
                List.of(tokens("eu-west-1", "Nova Micro", "EUW1-NovaMicro-output-tokens", "0.000184"),
                        tokens("eu-west-1", "Nova Micro", "EUW1-NovaMicro-input-tokens-batch", "0.000023"))))) {
            PricesRefreshCommand command = new PricesRefreshCommand();
            command.pricing = priceList::client;
            command.clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
            int exitCode = new CommandLine(command).setOut(new PrintWriter(stdout, true))
                    .execute("--region", "eu-west-1", "--out", out.toString(),
                            "--models", "amazon.nova-micro-v1:0,eu.amazon.nova-micro-v1:0");
            assertThat(exitCode).isZero();
        }

        assertThat(stdout.toString().lines()).containsExactly(
                "wrote 2 prices to " + out + " from 3 Price List products",
                "products skipped: 1",
                "  1  usage type suffix -batch (not an on-demand Converse rate)",
                "prices not written: 0");
        JsonLines logged = new JsonLines();
        ConsumerConfig config = ConsumerConfig.fromEnvironment(
                Map.of("PRICE_TABLE_FILE", out.toString(), "BEDROCK_REGION", "eu-west-1"));
        try (SentimentPipeline pipeline = Pipelines.create(config, new InstantModel("eu.amazon.nova-micro-v1:0"),
                new EventLog(logged.stream(), EventLog.Format.JSON))) {
            assertThat(pipeline.model().modelId()).isEqualTo("eu.amazon.nova-micro-v1:0");
        }
        assertThat(logged.documents()).as("neither unpriced nor stale").isEmpty();
    }

    @Test
    void saysWhatItNeedsWhenThePriceListCannotBeRead() {
        Path out = dir.resolve("prices.json");
        StringWriter stderr = new StringWriter();
        FakePriceList stopped = new FakePriceList();
        PricingClient client = stopped.client();
        stopped.close();
        PricesRefreshCommand command = new PricesRefreshCommand();
        command.pricing = () -> client;

        int exitCode = new CommandLine(command).setErr(new PrintWriter(stderr, true))
                .execute("--region", "eu-west-1", "--out", out.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(stderr.toString()).startsWith("cannot read the AWS Price List (")
                .contains("credentials allowed pricing:GetProducts").endsWith("nothing was written" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }
}
