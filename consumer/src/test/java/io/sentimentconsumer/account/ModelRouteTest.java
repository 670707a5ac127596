package io.sentimentconsumer.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModelRouteTest {

    @ParameterizedTest
    @CsvSource({
        "amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, in-region",
        "us.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:us",
        "us-gov.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:us-gov",
        "eu.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:eu",
        "apac.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:apac",
        "jp.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:jp",
        "au.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:au",
        "ca.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, geo:ca",
        "global.amazon.nova-2-lite-v1:0, amazon.nova-2-lite-v1:0, global",
        "xx.amazon.nova-micro-v1:0, xx.amazon.nova-micro-v1:0, in-region",
    })
    void takesTheRoutingFromTheProfilePrefix(String modelId, String baseModelId, String routing) {
        ModelRoute route = ModelRoute.of(modelId);

        assertThat(route.baseModelId()).isEqualTo(baseModelId);
        assertThat(route.routing().key()).isEqualTo(routing);
        assertThat(route.modelId()).isEqualTo(modelId);
        assertThat(Routing.of(routing)).isEqualTo(route.routing());
    }

    @Test
    void refusesAGeographyBedrockHasNoProfilesFor() {
        assertThatThrownBy(() -> Routing.of("geo:mars"))
                .hasMessageContaining("geography must be one of us, us-gov, eu, apac, jp, au, ca; was 'mars'");
    }
}
