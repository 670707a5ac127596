package io.sentimentconsumer.pricelist;

import static io.sentimentconsumer.testing.FakePriceList.product;
import static io.sentimentconsumer.testing.FakePriceList.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.testing.FakePriceList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.pricing.PricingClient;

/** `prices refresh` against the Price List's wire protocol, through the real SDK client. */
class PriceListRefreshTest {

    private static final Clock DECEMBER_1 =
            Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String SOURCE =
            "AWS Price List API (pricing:GetProducts, service code AmazonBedrock), queried 2026-12-01";

    private final FakePriceList priceList = new FakePriceList()
            .region("us-east-1", List.of(
                    List.of(
                            tokens("us-east-1", "Nova Micro", "USE1-NovaMicro-input-tokens", "0.0000350000"),
                            tokens("us-east-1", "Nova Micro", "USE1-NovaMicro-output-tokens", "0.0001400000"),
                            tokens("us-east-1", "Nova Micro", "USE1-NovaMicro-cache-read-input-token-count",
                                    "0.0000087500"),
                            product(Map.of("regionCode", "us-east-1", "model", "Nova Micro", "feature",
                                    "Batch Inference", "usagetype", "USE1-NovaMicro-input-tokens-batch"),
                                    "1K tokens", "0.0000175000")),
                    List.of(
                            tokens("us-east-1", "Nova 2.0 Lite", "USE1-Nova2.0Lite-input-tokens", "0.00033"),
                            tokens("us-east-1", "Nova 2.0 Lite", "USE1-Nova2.0Lite-output-tokens", "0.00275"),
                            // AWS leaves the feature out on global cross-Region rows.
                            product(Map.of("regionCode", "us-east-1", "model", "Nova 2.0 Lite", "usagetype",
                                    "USE1-Nova2.0Lite-input-tokens-cross-region-global"), "1K tokens", "0.0003"),
                            product(Map.of("regionCode", "us-east-1", "model", "Nova 2.0 Lite", "usagetype",
                                    "USE1-Nova2.0Lite-output-tokens-cross-region-global"), "1K tokens", "0.0025"),
                            tokens("us-east-1", "Nova 2.0 Lite", "USE1-Nova2.0Lite-input-tokens-flex", "0.000165"),
                            product(Map.of("regionCode", "us-east-1", "model", "Nova Canvas", "feature",
                                    "On-demand Inference", "usagetype", "USE1-NovaCanvas-T2I-1024-Standard"),
                                    "image", "0.04"),
                            product(Map.of("regionCode", "us-east-1", "model", "Nova Micro", "feature",
                                    "Model Customization", "usagetype",
                                    "USE1-NovaMicro-Model-Customization-input-tokens"), "1K tokens", "0.001"))))
            .region("eu-central-1", List.of(List.of(
                    tokens("eu-central-1", "Nova Micro", "EUC1-NovaMicro-input-tokens", "0.000046"),
                    tokens("eu-central-1", "Nova Micro", "EUC1-NovaMicro-output-tokens", "0.000184"),
                    product(Map.of("regionCode", "eu-central-1", "model", "Nova Micro", "feature",
                            "On-demand Inference", "usagetype", "EUC1-NovaMicro-hours"), "Hours", "20"))));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        priceList.close();
    }

    private PriceListRefresh.Report refresh(List<String> models, Path out) throws IOException {
        try (PricingClient client = priceList.client()) {
            return new PriceListRefresh(client, DECEMBER_1).refresh(List.of("us-east-1", "eu-central-1"), models, out);
        }
    }

    private static ModelPrice price(PriceTable table, String modelId, String region, ServiceTier tier) {
        return table.lookup(PriceKey.of(modelId, region, tier)).found()
                .orElseThrow(() -> new AssertionError(modelId + " unpriced in " + region));
    }

    @Test
    void writesTheInRegionAndGlobalPricesOfEveryPageOfEveryRegion() throws IOException {
        Path out = dir.resolve("prices.json");

        PriceListRefresh.Report report = refresh(List.of(), out);

        PriceTable table = PriceTable.fromFile(out);
        assertThat(table.prices()).hasSize(4);
        ModelPrice micro = price(table, "amazon.nova-micro-v1:0", "us-east-1", ServiceTier.DEFAULT);
        assertThat(micro.inputPerMillion()).isEqualByComparingTo("0.035");
        assertThat(micro.outputPerMillion()).isEqualByComparingTo("0.14");
        assertThat(micro.cacheReadPerMillion()).isEqualByComparingTo("0.00875");
        assertThat(micro.cacheWritePerMillion()).isNull();
        assertThat(micro.source()).isEqualTo(SOURCE);
        assertThat(micro.asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
        ModelPrice frankfurt = price(table, "amazon.nova-micro-v1:0", "eu-central-1", ServiceTier.DEFAULT);
        assertThat(frankfurt.inputPerMillion()).isEqualByComparingTo("0.046");
        assertThat(frankfurt.outputPerMillion()).isEqualByComparingTo("0.184");
        ModelPrice lite = price(table, "amazon.nova-2-lite-v1:0", "us-east-1", ServiceTier.DEFAULT);
        assertThat(lite.inputPerMillion()).isEqualByComparingTo("0.33");
        assertThat(lite.outputPerMillion()).isEqualByComparingTo("2.75");
        ModelPrice global = price(table, "global.amazon.nova-2-lite-v1:0", "us-east-1", ServiceTier.DEFAULT);
        assertThat(global.inputPerMillion()).isEqualByComparingTo("0.3");
        assertThat(global.outputPerMillion()).isEqualByComparingTo("2.5");
        assertThat(table.lookup(PriceKey.of("amazon.nova-2-lite-v1:0", "us-east-1", ServiceTier.FLEX)).found())
                .as("a flex input rate without a flex output rate is no price").isEmpty();

        assertThat(report.products()).isEqualTo(14);
        assertThat(report.pricesWritten()).isEqualTo(4);
        assertThat(report.productsSkipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "feature Batch Inference (not on-demand inference)", 1,
                "feature Model Customization (not on-demand inference)", 1,
                "model not mapped to a model id: Nova Canvas", 1,
                "unit Hours (not per 1K or 1M tokens)", 1));
        assertThat(report.pricesNotWritten()).containsExactlyEntriesOf(Map.of("no input and output rate", 1));
        assertThat(priceList.requests()).hasSize(3)
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).contains("Credential=test/"));
    }

    @Test
    void writesAGeographicProfileAtItsRegionsInRegionRateAndSaysSo() throws IOException {
        Path out = dir.resolve("prices.json");

        PriceListRefresh.Report report =
                refresh(List.of("eu.amazon.nova-micro-v1:0", "global.amazon.nova-2-lite-v1:0"), out);

        PriceTable table = PriceTable.fromFile(out);
        assertThat(table.prices().keySet()).extracting(PriceKey::toString).containsExactlyInAnyOrder(
                "amazon.nova-micro-v1:0 in eu-central-1, geo:eu, default tier",
                "amazon.nova-2-lite-v1:0 in us-east-1, global, default tier");
        ModelPrice eu = price(table, "eu.amazon.nova-micro-v1:0", "eu-central-1", ServiceTier.DEFAULT);
        assertThat(eu.inputPerMillion()).isEqualByComparingTo("0.046");
        assertThat(eu.outputPerMillion()).isEqualByComparingTo("0.184");
        assertThat(eu.source()).startsWith(SOURCE).contains("priced at the in-Region rate");
        assertThat(report.pricesNotWritten()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "profile of another geography than the Region: eu.amazon.nova-micro-v1:0 in us-east-1", 1,
                "no Price List rows for global.amazon.nova-2-lite-v1:0 in eu-central-1", 1));
    }

    @Test
    void writesNothingAndSaysWhatToCheckWhenNoPriceIsFound() {
        Path out = dir.resolve("prices.json");

        assertThatThrownBy(() -> refresh(List.of("amazon.nova-pro-v1:0"), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the Price List gave no price for us-east-1, eu-central-1 and amazon.nova-pro-v1:0")
                .hasMessageContaining("check the Region codes and model ids");
        assertThat(out).doesNotExist();
    }
}
