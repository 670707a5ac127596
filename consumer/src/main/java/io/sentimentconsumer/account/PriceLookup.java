package io.sentimentconsumer.account;

import java.util.Optional;

/** The answer to a price look-up: the price in force for the key, or why there is none. */
public sealed interface PriceLookup permits PriceLookup.Priced, PriceLookup.Unpriced {

    /** The price, or empty when unpriced. */
    Optional<ModelPrice> found();

    record Priced(PriceKey key, ModelPrice price) implements PriceLookup {
        @Override
        public Optional<ModelPrice> found() {
            return Optional.of(price);
        }
    }

    /** @param reason what is missing and how to fix it, for the start-up warning */
    record Unpriced(String reason) implements PriceLookup {
        @Override
        public Optional<ModelPrice> found() {
            return Optional.empty();
        }
    }
}
