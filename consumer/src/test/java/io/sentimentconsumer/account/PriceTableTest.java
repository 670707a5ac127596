package io.sentimentconsumer.account;

import static io.sentimentconsumer.account.Prices.CLAUDE_3_HAIKU;
import static io.sentimentconsumer.account.Prices.NOVA_MICRO;
import static io.sentimentconsumer.account.Prices.novaMicro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {

    private static final PriceTable BUNDLED = Prices.table();

    @Nested
    class Lookup {

        @ParameterizedTest
        @ValueSource(strings = {"us.", "us-gov.", "eu.", "apac.", "jp.", "au.", "ca.", "global."})
        void pricesACrossRegionProfileAsItsBaseModel(String prefix) {
            assertThat(BUNDLED.priceFor(prefix + NOVA_MICRO)).contains(novaMicro());
        }

        @Test
        void stripsOnlyAKnownProfilePrefix() {
            assertThat(PriceTable.baseModelId("us.amazon.nova-lite-v1:0")).isEqualTo("amazon.nova-lite-v1:0");
            assertThat(PriceTable.baseModelId("xx.amazon.nova-lite-v1:0")).isEqualTo("xx.amazon.nova-lite-v1:0");
            assertThat(BUNDLED.priceFor("xx." + NOVA_MICRO)).isEmpty();
        }

        @Test
        void hasNoPriceForAnUnknownModel() {
            assertThat(BUNDLED.priceFor("acme.unknown-model-v1:0")).isEmpty();
            assertThat(BUNDLED.priceFor("us.acme.unknown-model-v1:0")).isEmpty();
        }
    }

    @Nested
    class Bundled {

        @Test
        void containsTheSupportedModels() {
            assertThat(List.of(
                    NOVA_MICRO,
                    "amazon.nova-lite-v1:0",
                    "amazon.nova-pro-v1:0",
                    CLAUDE_3_HAIKU,
                    "anthropic.claude-3-5-haiku-20241022-v1:0"))
                    .allSatisfy(id -> assertThat(BUNDLED.priceFor(id)).as(id).isPresent());
        }

        @Test
        void holdsNovaMicroPrices() {
            ModelPrice micro = novaMicro();

            assertThat(micro.inputPerMillion()).isEqualByComparingTo("0.035");
            assertThat(micro.outputPerMillion()).isEqualByComparingTo("0.14");
            assertThat(micro.cacheReadPerMillion()).isEqualByComparingTo("0.00875");
            assertThat(micro.cacheWritePerMillion()).isEqualByComparingTo("0.035");
        }

        @Test
        void namesASourceAndADateForEveryEntry() throws IOException {
            List<String> ids = new ArrayList<>();
            try (InputStream in = PriceTable.class.getResourceAsStream("/io/sentimentconsumer/account/prices.json")) {
                new ObjectMapper().readTree(in).get("models").fieldNames().forEachRemaining(ids::add);
            }

            assertThat(ids).isNotEmpty().allSatisfy(id -> {
                ModelPrice price = BUNDLED.priceFor(id).orElseThrow();
                assertThat(price.source()).as("source of %s", id).isNotBlank();
                assertThat(price.asOf()).as("asOf of %s", id).isNotBlank();
                assertThat(LocalDate.parse(price.asOf())).as("asOf of %s", id).isBefore(LocalDate.now().plusDays(1));
            });
        }
    }

    @Nested
    class FromFile {

        @TempDir
        Path dir;

        private Path write(String json) throws IOException {
            return Files.writeString(dir.resolve("prices.json"), json);
        }

        @Test
        void readsAnOverrideFile() throws IOException {
            Path file = write("""
                    {"models": {"acme.model-v1:0": {
                        "inputPerMillion": "1.5", "outputPerMillion": "6",
                        "cacheReadPerMillion": "0.15", "source": "contract 42", "asOf": "2025-06-01"}}}
                    """);

            PriceTable table = PriceTable.fromFile(file);

            ModelPrice price = table.priceFor("eu.acme.model-v1:0").orElseThrow();
            assertThat(price.inputPerMillion()).isEqualByComparingTo("1.5");
            assertThat(price.outputPerMillion()).isEqualByComparingTo("6");
            assertThat(price.cacheReadPerMillion()).isEqualByComparingTo("0.15");
            assertThat(price.cacheWritePerMillion()).isNull();
            assertThat(price.source()).isEqualTo("contract 42");
            assertThat(price.asOf()).isEqualTo("2025-06-01");
            assertThat(price.cost(new TokenUsage(1000, 1000, 0, 0)).orElseThrow()).isEqualByComparingTo("0.0075");
            assertThat(table.priceFor(NOVA_MICRO)).as("an override replaces the bundled table").isEmpty();
        }

        @Test
        void rejectsAMissingInputPrice() throws IOException {
            Path file = write("""
                    {"models": {"acme.model-v1:0": {"outputPerMillion": "6"}}}
                    """);

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("acme.model-v1:0")
                    .hasMessageContaining("inputPerMillion is missing");
        }

        @Test
        void rejectsAPriceThatIsNotADecimalNumber() throws IOException {
            Path file = write("""
                    {"models": {"acme.model-v1:0": {"inputPerMillion": "1.5", "outputPerMillion": "six"}}}
                    """);

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outputPerMillion is not a decimal number");
        }

        @Test
        void rejectsANegativePrice() throws IOException {
            Path file = write("""
                    {"models": {"acme.model-v1:0": {
                        "inputPerMillion": "1.5", "outputPerMillion": "6", "cacheWritePerMillion": "-0.01"}}}
                    """);

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cacheWritePerMillion is negative");
        }

        @Test
        void rejectsAFileWithoutModels() throws IOException {
            Path file = write("{\"models\": {}}");

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"models\"");
        }

        @Test
        void rejectsAFileThatIsNotJson() throws IOException {
            Path file = write("inputPerMillion = 1.5");

            assertThatThrownBy(() -> PriceTable.fromFile(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString());
        }
    }
}
