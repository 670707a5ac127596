package io.sentimentconsumer.account;

/** The bundled prices tests compute with: US East (N. Virginia), in-Region, default tier unless said otherwise. */
final class Prices {

    static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String US_EAST_1 = "us-east-1";

    private static final PriceTable TABLE = PriceTable.bundled();

    private Prices() {}

    static PriceTable table() {
        return TABLE;
    }

    static ModelPrice bundled(String modelId) {
        return TABLE.lookup(PriceKey.of(modelId, US_EAST_1, ServiceTier.DEFAULT)).found()
                .orElseThrow(() -> new AssertionError("no bundled price for " + modelId + " in " + US_EAST_1));
    }

    static ModelPrice novaMicro() {
        return bundled(NOVA_MICRO);
    }
}
