package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.CLAUDE_3_HAIKU;
import static io.sentimentconsumer.account.Prices.NOVA_MICRO;
import static io.sentimentconsumer.account.Prices.US_EAST_1;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    private static final PriceTable BUNDLED = Prices.table();
    private static final String EU_CENTRAL_1 = "eu-central-1";
    private static final String NOVA_2_LITE = "amazon.nova-2-lite-v1:0";
    private static final TokenUsage EXAMPLE_USAGE = new TokenUsage(1234, 567, 0, 0);

    private static PriceLookup lookup(String modelId, String region, ServiceTier tier) {
        return BUNDLED.lookup(PriceKey.of(modelId, region, tier));
    }

    private static ModelPrice priced(String modelId, String region) {
        return lookup(modelId, region, ServiceTier.DEFAULT).found()
                .orElseThrow(() -> new AssertionError(modelId + " is unpriced in " + region));
    }

    @Nested
    class Lookup {

        @Test
        void pricesNovaMicroInUsEast1AtItsListRates() {
            ModelPrice micro = novaMicro();

            assertThat(micro.inputPerMillion()).isEqualByComparingTo("0.035");
            assertThat(micro.outputPerMillion()).isEqualByComparingTo("0.14");
            assertThat(micro.cacheReadPerMillion()).isEqualByComparingTo("0.00875");
            assertThat(micro.cacheWritePerMillion()).isEqualByComparingTo("0.035");
        }

        @Test
        void pricesNovaMicroInFrankfurtAtFrankfurtsRates() {
            ModelPrice frankfurt = priced(NOVA_MICRO, EU_CENTRAL_1);

            assertThat(frankfurt.inputPerMillion()).isEqualByComparingTo("0.046");
            assertThat(frankfurt.outputPerMillion()).isEqualByComparingTo("0.184");
            // 1234 × 0.046 + 567 × 0.184 = 56.764 + 104.328 micro-dollars, against 122.57 in us-east-1
            assertThat(frankfurt.cost(EXAMPLE_USAGE).orElseThrow()).isEqualByComparingTo("0.000161092");
        }

        @Test
        void leavesFrankfurtsCacheTokensUnpricedRatherThanTakingUsEast1sCacheRates() {
            assertThat(priced(NOVA_MICRO, EU_CENTRAL_1).cost(new TokenUsage(1234, 567, 100, 0))).isEmpty();
        }

        @Test
        void pricesAGeographicProfileAtTheRatesOfTheRegionTheCallIsSentFrom() {
            assertThat(priced("us." + NOVA_MICRO, US_EAST_1).cost(EXAMPLE_USAGE).orElseThrow())
                    .isEqualByComparingTo("0.00012257");
            assertThat(priced("eu." + NOVA_MICRO, EU_CENTRAL_1).cost(EXAMPLE_USAGE).orElseThrow())
                    .isEqualByComparingTo("0.000161092");
        }

        @Test
        void pricesTheGlobalProfileOfNova2LiteApartFromItsInRegionRates() {
            ModelPrice global = priced("global." + NOVA_2_LITE, US_EAST_1);
            ModelPrice inRegion = priced(NOVA_2_LITE, US_EAST_1);

            assertThat(global.inputPerMillion()).isEqualByComparingTo("0.30");
            assertThat(global.outputPerMillion()).isEqualByComparingTo("2.50");
            assertThat(inRegion.inputPerMillion()).isEqualByComparingTo("0.33");
            assertThat(inRegion.outputPerMillion()).isEqualByComparingTo("2.75");
        }

        @Test
        void leavesAnotherRegionUnpricedRatherThanTakingUsEast1sRate() {
            PriceLookup paris = lookup(NOVA_MICRO, "eu-west-3", ServiceTier.DEFAULT);

            assertThat(paris.found()).isEmpty();
            assertThat(((PriceLookup.Unpriced) paris).reason())
                    .contains("no price for amazon.nova-micro-v1:0 in eu-west-3, in-region, default tier")
                    .contains("eu-central-1 in-region default")
                    .contains("add the price to a PRICE_TABLE_FILE");
        }

        @Test
        void leavesARoutingTheTableLacksUnpriced() {
            assertThat(lookup("global." + NOVA_MICRO, US_EAST_1, ServiceTier.DEFAULT).found()).isEmpty();
            assertThat(lookup("eu." + NOVA_MICRO, US_EAST_1, ServiceTier.DEFAULT).found()).isEmpty();
            assertThat(lookup("apac." + NOVA_MICRO, US_EAST_1, ServiceTier.DEFAULT).found()).isEmpty();
        }

        @Test
        void leavesATierTheTableLacksUnpriced() {
            assertThat(lookup(NOVA_MICRO, US_EAST_1, ServiceTier.FLEX).found()).isEmpty();
            assertThat(lookup(NOVA_MICRO, US_EAST_1, ServiceTier.PRIORITY).found()).isEmpty();
            assertThat(lookup(NOVA_MICRO, US_EAST_1, ServiceTier.RESERVED).found()).isEmpty();
        }

        @Test
        void leavesAnUnknownPrefixAndAnUnknownModelUnpriced() {
            assertThat(lookup("xx." + NOVA_MICRO, US_EAST_1, ServiceTier.DEFAULT).found()).isEmpty();
            PriceLookup unknown = lookup("acme.unknown-model-v1:0", US_EAST_1, ServiceTier.DEFAULT);
            assertThat(((PriceLookup.Unpriced) unknown).reason()).contains("nor for any other Region");
        }
    }

    @Nested
    class Bundled {

        @Test
        void pricesTheSupportedModelsInUsEast1() {
            assertThat(List.of(NOVA_MICRO, "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0", NOVA_2_LITE,
                    CLAUDE_3_HAIKU, "anthropic.claude-3-5-haiku-20241022-v1:0"))
                    .allSatisfy(id -> assertThat(lookup(id, US_EAST_1, ServiceTier.DEFAULT).found()).as(id).isPresent());
        }

        @Test
        void namesASourceAndAPastDateForEveryEntry() throws IOException {
            JsonNode entries;
            try (InputStream in = PriceTable.class.getResourceAsStream(PriceTable.BUNDLED)) {
                entries = new ObjectMapper().readTree(in).get("entries");
            }

            assertThat(entries).hasSize(BUNDLED.prices().size()).allSatisfy(entry -> {
                assertThat(entry.path("source").asText()).as("source of %s", entry).isNotBlank();
                assertThat(LocalDate.parse(entry.path("asOf").asText())).as("asOf of %s", entry)
                        .isBefore(LocalDate.now().plusDays(1));
            });
        }

        @Test
        void readsBackWhatItsWriterWrites(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("prices.json"), PriceTableJson.write(BUNDLED.prices()));

            assertThat(PriceTable.fromFile(file).prices()).isEqualTo(BUNDLED.prices());
        }

        @Test
        void isAsOfItsNewestPrice() {
            assertThat(BUNDLED.newestAsOf()).isEqualTo(LocalDate.of(2026, 10, 3));
        }
    }

    @Nested
    class Staleness {

        @TempDir
        Path dir;

        private PriceTable tableAsOf(String date) throws IOException {
            return PriceTable.fromFile(Files.writeString(dir.resolve("prices.json"), """
                    {"version": 2, "entries": [
                      {"model": "acme.model-v1:0", "region": "us-east-1", "routing": "in-region", "tier": "default",
                       "inputPerMillion": "1", "outputPerMillion": "2", "source": "contract 42", "asOf": "2026-01-01"},
                      {"model": "acme.model-v1:0", "region": "eu-west-1", "routing": "in-region", "tier": "default",
                       "inputPerMillion": "1", "outputPerMillion": "2", "source": "contract 42", "asOf": "%s"}]}
                    """.formatted(date)));
        }

        private static Clock on(String date) {
            return Clock.fixed(LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }

        @Test
        void isFreshUpToNinetyDaysAfterItsNewestPrice() throws IOException {
            PriceTable table = tableAsOf("2026-03-01");

            assertThat(table.staleness(on("2026-05-30"))).isEmpty(); // 90 days
        }

        @Test
        void warnsFromTheNinetyFirstDayAndSaysHowToRefresh() throws IOException {
            PriceTable table = tableAsOf("2026-03-01");

            assertThat(table.staleness(on("2026-05-31"))).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("newest price is as of 2026-03-01, 91 days ago (over 90)")
                    .contains("sentiment-consumer prices refresh")
                    .contains("PRICE_TABLE_FILE"));
        }

        @Test
        void goesByTheNewestPriceNotTheOldest() throws IOException {
            assertThat(tableAsOf("2026-03-01").newestAsOf()).isEqualTo(LocalDate.of(2026, 3, 1));
        }
    }

    @Nested
    class FromFile {

        @TempDir
        Path dir;

        private Path write(String json) throws IOException {
            return Files.writeString(dir.resolve("prices.json"), json, StandardCharsets.UTF_8);
        }

        private Path entry(String fields) throws IOException {
            return write("{\"version\": 2, \"entries\": [{" + fields + "}]}");
        }

        private static final String KEY =
                "\"model\": \"acme.model-v1:0\", \"region\": \"eu-west-1\", \"routing\": \"geo:eu\", \"tier\": \"flex\", ";
        private static final String SOURCE = ", \"source\": \"contract 42\", \"asOf\": \"2026-06-01\"";

        @Test
        void readsAnOverrideFile() throws IOException {
            Path file = entry(KEY + """
                    "inputPerMillion": "1.5", "outputPerMillion": "6", "cacheReadPerMillion": "0.15",
                    "cacheWritePerMillionByTtl": {"5m": "1.875", "1h": "3"}""" + SOURCE);

            PriceTable table = PriceTable.fromFile(file);

            ModelPrice price = table.lookup(PriceKey.of("eu.acme.model-v1:0", "eu-west-1", ServiceTier.FLEX))
                    .found().orElseThrow();
            assertThat(price.inputPerMillion()).isEqualByComparingTo("1.5");
            assertThat(price.outputPerMillion()).isEqualByComparingTo("6");
            assertThat(price.cacheReadPerMillion()).isEqualByComparingTo("0.15");
            assertThat(price.cacheWritePerMillion()).isNull();
            assertThat(price.cacheWritePerMillionByTtl().get(CacheTtl.FIVE_MINUTES)).isEqualByComparingTo("1.875");
            assertThat(price.cacheWritePerMillionByTtl().get(CacheTtl.ONE_HOUR)).isEqualByComparingTo("3");
            assertThat(price.source()).isEqualTo("contract 42");
            assertThat(price.asOf()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(price.cost(new TokenUsage(1000, 1000, 0, 0)).orElseThrow()).isEqualByComparingTo("0.0075");
            assertThat(table.lookup(PriceKey.of(NOVA_MICRO, US_EAST_1, ServiceTier.DEFAULT)).found())
                    .as("an override replaces the bundled table").isEmpty();
            assertThat(table.origin()).isEqualTo(file.toString());
        }

        @Test
        void refusesTheVersion1ShapeAndSaysHowToRewriteIt() throws IOException {
            Path file = write("""
                    {"models": {"acme.model-v1:0": {"inputPerMillion": "1.5", "outputPerMillion": "6"}}}
                    """);

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("version 1 shape")
                    .hasMessageContaining("{\"version\": 2, \"entries\": [...]}")
                    .hasMessageContaining("docs/prices.md")
                    .hasMessageContaining("prices refresh");
        }

        @Test
        void refusesAnotherVersion() throws IOException {
            Path file = write("{\"version\": 3, \"entries\": []}");

            assertThatThrownBy(() -> PriceTable.fromFile(file)).hasMessageContaining("must have \"version\": 2");
        }

        @Test
        void rejectsAMissingInputPrice() throws IOException {
            Path file = entry(KEY + "\"outputPerMillion\": \"6\"" + SOURCE);

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry 1 (acme.model-v1:0 in eu-west-1, geo:eu, flex tier)")
                    .hasMessageContaining("inputPerMillion is missing");
        }

        @Test
        void rejectsAPriceWithoutSourceOrDate() throws IOException {
            Path withoutSource = entry(KEY + "\"inputPerMillion\": \"1\", \"outputPerMillion\": \"6\", \"asOf\": \"2026-06-01\"");
            assertThatThrownBy(() -> PriceTable.fromFile(withoutSource)).hasMessageContaining("source is missing");

            Path badDate = entry(KEY + "\"inputPerMillion\": \"1\", \"outputPerMillion\": \"6\", "
                    + "\"source\": \"contract 42\", \"asOf\": \"June 2026\"");
            assertThatThrownBy(() -> PriceTable.fromFile(badDate))
                    .hasMessageContaining("asOf must be a date like 2026-10-03; was 'June 2026'");
        }

        @Test
        void rejectsAPriceThatIsNotADecimalNumberOrIsNegative() throws IOException {
            Path six = entry(KEY + "\"inputPerMillion\": \"1.5\", \"outputPerMillion\": \"six\"" + SOURCE);
            assertThatThrownBy(() -> PriceTable.fromFile(six)).hasMessageContaining("outputPerMillion is not a decimal number");

            Path negative = entry(KEY + "\"inputPerMillion\": \"1.5\", \"outputPerMillion\": \"6\", "
                    + "\"cacheWritePerMillion\": \"-0.01\"" + SOURCE);
            assertThatThrownBy(() -> PriceTable.fromFile(negative)).hasMessageContaining("cacheWritePerMillion is negative");
        }

        @Test
        void rejectsAKeyItCannotRead() throws IOException {
            Path profile = entry(KEY.replace("acme.model", "eu.acme.model") + "\"inputPerMillion\": \"1\", "
                    + "\"outputPerMillion\": \"6\"" + SOURCE);
            assertThatThrownBy(() -> PriceTable.fromFile(profile))
                    .hasMessageContaining("carries an inference-profile prefix; write the base model id");

            Path routing = entry(KEY.replace("geo:eu", "cross-region") + "\"inputPerMillion\": \"1\", "
                    + "\"outputPerMillion\": \"6\"" + SOURCE);
            assertThatThrownBy(() -> PriceTable.fromFile(routing))
                    .hasMessageContaining("routing must be in-region, global or geo:<geography>");

            Path tier = entry(KEY.replace("flex", "standard") + "\"inputPerMillion\": \"1\", "
                    + "\"outputPerMillion\": \"6\"" + SOURCE);
            assertThatThrownBy(() -> PriceTable.fromFile(tier))
                    .hasMessageContaining("service tier must be one of default, flex, priority, reserved; was 'standard'");
        }

        @Test
        void rejectsTwoPricesForOneKey() throws IOException {
            String one = "{" + KEY + "\"inputPerMillion\": \"1\", \"outputPerMillion\": \"6\"" + SOURCE + "}";
            Path file = write("{\"version\": 2, \"entries\": [" + one + ", " + one + "]}");

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .hasMessageContaining("entry 2: a second price for acme.model-v1:0 in eu-west-1, geo:eu, flex tier");
        }

        @Test
        void rejectsAFileWithoutEntriesOrThatIsNotJson() throws IOException {
            Path empty = write("{\"version\": 2, \"entries\": []}");
            assertThatThrownBy(() -> PriceTable.fromFile(empty)).hasMessageContaining("has no \"entries\"");

            Path notJson = write("inputPerMillion = 1.5");
            assertThatThrownBy(() -> PriceTable.fromFile(notJson)).hasMessageContaining(notJson.toString());
        }

        @Test
        void namesTheFileThatCannotBeRead() {
            Path missing = dir.resolve("absent.json");

            assertThatThrownBy(() -> PriceTable.fromFile(missing))
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("check PRICE_TABLE_FILE");
        }
    }
}
