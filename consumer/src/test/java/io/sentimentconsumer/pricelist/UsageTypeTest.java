package io.sentimentconsumer.pricelist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.CacheTtl;
import io.sentimentconsumer.account.ServiceTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageTypeTest {

    /** The examples of AWS's own table (Cost and Usage Report page) and the other shapes the mapping reads. */
    @ParameterizedTest
    @CsvSource({
        "USE1-Nova2.0Lite-input-tokens-flex, INPUT, FLEX, IN_REGION",
        "USE1-gpt-oss-120b-output-tokens-priority, OUTPUT, PRIORITY, IN_REGION",
        "USE1-Claude4.6Sonnet-input-tokens, INPUT, DEFAULT, IN_REGION",
        "USE1-Claude4.6Sonnet-cache-read-input-token-count, CACHE_READ, DEFAULT, IN_REGION",
        "USE1-Claude4.6Sonnet-output-tokens-cross-region-global, OUTPUT, DEFAULT, GLOBAL",
        "USE1-NovaMicro-cache-write-input-token-count, CACHE_WRITE, DEFAULT, IN_REGION",
        "USE1-Nova2.0Lite-input-tokens-priority-cross-region-global, INPUT, PRIORITY, GLOBAL",
        "EUC1-Claude4.6Sonnet-input-tokens-cross-region-geo, INPUT, DEFAULT, GEOGRAPHIC",
        "USE1-Nova2.0Pro-text-input-tokens, INPUT, DEFAULT, IN_REGION",
    })
    void readsRateTierAndRoute(String usagetype, UsageType.Rate rate, ServiceTier tier, UsageType.Route route) {
        assertThat(UsageType.read(usagetype)).isEqualTo(new Reading.Read<>(new UsageType(rate, tier, route, null)));
    }

    @ParameterizedTest
    @CsvSource({
        "USE1-Claude4.6Sonnet-cache-write-input-token-count-1h",
        "USE1-Claude4.6Sonnet-cache-write-input-token-count-1h-cross-region-global",
    })
    void readsAOneHourCacheWrite(String usagetype) {
        assertThat(UsageType.read(usagetype)).isInstanceOfSatisfying(Reading.Read.class,
                read -> assertThat(((UsageType) read.value()).ttl()).isEqualTo(CacheTtl.ONE_HOUR));
    }

    @ParameterizedTest
    @CsvSource({
        "USE1-NovaMicro-input-tokens-batch, -batch",
        "USE1-Nova2.0Lite-input-tokens-cross-region-global-batch, -cross-region-global-batch",
        "USE1-NovaMicro-cache-read-input-token-count-custom-model, -custom-model",
        "USE1-openai.gpt-oss-120b-mantle-input-tokens-standard, -standard",
        "USE1-Claude4.6Sonnet-input-tokens-long-context-cross-region-global, -long-context-cross-region-global",
    })
    void skipsWhatIsNotAPerCallConverseRate(String usagetype, String suffix) {
        assertThat(UsageType.read(usagetype))
                .isEqualTo(Reading.skipped("usage type suffix " + suffix + " (not an on-demand Converse rate)"));
    }

    @ParameterizedTest
    @CsvSource({"USE1-NovaCanvas-T2I-1024-Standard", "USE1-Ray-V2-Medfps-HDRes"})
    void skipsWhatIsNotPricedPerToken(String usagetype) {
        assertThat(UsageType.read(usagetype))
                .isEqualTo(Reading.skipped("usage type without a token type (not priced per token)"));
    }
}
