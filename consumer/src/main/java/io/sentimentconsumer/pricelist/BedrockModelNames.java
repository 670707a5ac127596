package io.sentimentconsumer.pricelist;

import java.util.Map;
import java.util.Optional;

/**
 * The Price List names a model by its display name ({@code model} attribute, e.g. {@code Nova 2.0 Lite}), never
 * by the id Converse takes, and nothing derives one from the other: this is the mapping, written down for the
 * models the consumer runs. A product of any other name is skipped and counted, not guessed at.
 */
final class BedrockModelNames {

    private static final Map<String, String> MODEL_IDS = Map.of(
            "Nova Micro", "amazon.nova-micro-v1:0",
            "Nova Lite", "amazon.nova-lite-v1:0",
            "Nova Pro", "amazon.nova-pro-v1:0",
            "Nova Premier", "amazon.nova-premier-v1:0",
            "Nova 2.0 Lite", "amazon.nova-2-lite-v1:0",
            "Claude 3 Haiku", "anthropic.claude-3-haiku-20240307-v1:0",
            "Claude 3.5 Haiku", "anthropic.claude-3-5-haiku-20241022-v1:0");

    private BedrockModelNames() {}

    static Optional<String> modelId(String displayName) {
        return Optional.ofNullable(MODEL_IDS.get(displayName));
    }
}
