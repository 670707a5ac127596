package io.sentimentconsumer.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Region calls are billed in: the one they are sent to, which Bedrock bills at whatever Region serves them.
 * That is {@code BEDROCK_REGION}, else the region the environment gives the SDK ({@code AWS_REGION}, or the CLI's
 * {@code AWS_DEFAULT_REGION}). A region that only an AWS profile file names is not seen here: calls are then
 * unpriced, and the warning says to set {@code BEDROCK_REGION}.
 */
public final class BillingRegion {

    private BillingRegion() {}

    public static Optional<String> of(ConsumerConfig config, Map<String, String> env) {
        return Stream.of(config.bedrockRegion(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"))
                .filter(region -> region != null && !region.isBlank())
                .map(String::trim)
                .findFirst();
    }
}
