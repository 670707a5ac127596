package io.sentimentconsumer.cli;

import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the model calls go and on which tier, for every command that calls the model. */
final class BedrockOptions {

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region of the Bedrock client and of the prices (default: BEDROCK_REGION, else AWS_REGION; "
                    + "none: costs are unpriced)")
    String region;

    @Option(names = "--service-tier", paramLabel = "TIER", converter = TierConverter.class,
            description = "default, flex or priority: the tier each request asks for; a call is priced at the tier "
                    + "its response reports (default: BEDROCK_SERVICE_TIER, else default)")
    ServiceTier serviceTier;

    /** Puts the options given in place of the configuration's values. */
    void applyTo(ConsumerConfig.Builder config) {
        Optional.ofNullable(region).ifPresent(config::bedrockRegion);
        Optional.ofNullable(serviceTier).ifPresent(config::serviceTier);
    }

    static final class TierConverter implements picocli.CommandLine.ITypeConverter<ServiceTier> {
        @Override
        public ServiceTier convert(String value) {
            return ServiceTier.of(value);
        }
    }
}
