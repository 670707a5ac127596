package io.sentimentconsumer.account;

/** The bundled prices tests compute with. */
final class Prices {

    static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    private static final PriceTable TABLE = PriceTable.bundled();

    private Prices() {}

    static PriceTable table() {
        return TABLE;
    }

    static ModelPrice bundled(String modelId) {
        return TABLE.priceFor(modelId).orElseThrow(() -> new AssertionError("no bundled price for " + modelId));
    }

    static ModelPrice novaMicro() {
        return bundled(NOVA_MICRO);
    }
}
