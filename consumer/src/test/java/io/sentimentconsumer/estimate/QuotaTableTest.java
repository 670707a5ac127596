package io.sentimentconsumer.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.account.PriceKey;
import io.sentimentconsumer.account.ServiceTier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuotaTableTest {

    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

    @Test
    void theBundledTableHasTheGeneralReferencesNovaMicroTokenQuotasAndNoRequestQuota() {
        QuotaTable table = QuotaTable.bundled();

        Quota onDemand = table.lookup(PriceKey.of(NOVA_MICRO, "us-east-1", ServiceTier.DEFAULT)).orElseThrow();
        assertThat(onDemand.tokensPerMinute()).isEqualTo(OptionalLong.of(2_000_000));
        assertThat(onDemand.requestsPerMinute()).isEmpty();
        assertThat(onDemand.asOf()).isEqualTo(LocalDate.of(2025, 6, 5));
        assertThat(onDemand.source()).contains("https://docs.aws.amazon.com/general/latest/gr/bedrock.html");
        assertThat(table.lookup(PriceKey.of("eu." + NOVA_MICRO, "eu-central-1", ServiceTier.DEFAULT)).orElseThrow()
                .tokensPerMinute()).isEqualTo(OptionalLong.of(200_000));
    }

    @Test
    void aTierOrRegionTheTableDoesNotListHasNoQuota() {
        QuotaTable table = QuotaTable.bundled();

        assertThat(table.lookup(PriceKey.of(NOVA_MICRO, "us-east-1", ServiceTier.FLEX))).isEmpty();
        assertThat(table.lookup(PriceKey.of(NOVA_MICRO, "eu-west-1", ServiceTier.DEFAULT))).isEmpty();
    }

    @Test
    void anEntryWithoutAQuotaIsRefusedByNumber() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "entries": [{"model": "m", "region": "r", "routing": "in-region", "tier": "default",
                  "source": "s", "asOf": "2026-01-01"}]}
                """)).hasMessage("quota table test.json, entry 1: it gives neither tokensPerMinute nor "
                + "requestsPerMinute");
    }

    @Test
    void aSecondEntryForAKeyIsRefused() {
        String entry = """
                {"model": "m", "region": "r", "routing": "in-region", "tier": "default", "tokensPerMinute": 5,
                 "source": "s", "asOf": "2026-01-01"}""";
        assertThatThrownBy(() -> read("{\"version\": 1, \"entries\": [" + entry + "," + entry + "]}"))
                .hasMessage("quota table test.json, entry 2: a second entry for m in r, in-region, default tier");
    }

    @Test
    void aQuotaThatIsNotAWholeNumberIsRefused() {
        assertThatThrownBy(() -> read("""
                {"version": 1, "entries": [{"model": "m", "region": "r", "routing": "in-region", "tier": "default",
                  "tokensPerMinute": 2.5, "source": "s", "asOf": "2026-01-01"}]}
                """)).hasMessage("quota table test.json, entry 1: tokensPerMinute must be a whole number above 0; was 2.5");
    }

    @Test
    void anotherShapeIsRefusedWithWhereToLook() {
        assertThatThrownBy(() -> read("{\"version\": 2, \"entries\": []}"))
                .hasMessage("quota table test.json must be {\"version\": 1, \"entries\": [...]}: see docs/estimate.md");
    }

    private static QuotaTable read(String json) {
        return QuotaTable.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }
}
