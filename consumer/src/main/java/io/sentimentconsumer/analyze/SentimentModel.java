package io.sentimentconsumer.analyze;

import java.time.Duration;

/**
 * A model that answers the prompt contract. Implementations: Amazon Bedrock's Converse API, an offline lexicon
 * engine that answers the same contract locally, and {@link InstantModel} for SnapStart priming and benchmarks.
 */
public interface SentimentModel {

    /** The model id as configured; it is the {@code ModelId} metric dimension. */
    String modelId();

    /** The model id whose prices apply to this model's tokens. */
    default String pricedAs() {
        return modelId();
    }

    /** Whether token counts are estimates rather than what a service billed. */
    default boolean estimated() {
        return false;
    }

    /**
     * Runs one call, retries included, within {@code timeout}. Throws {@link ModelCallException} when the call
     * failed for good, so that its records can be handed back (or, for a request too long, split).
     */
    ModelReply converse(ModelRequest request, Duration timeout);
}
