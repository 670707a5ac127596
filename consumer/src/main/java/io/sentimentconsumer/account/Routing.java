package io.sentimentconsumer.account;

import java.util.List;

/**
 * How Bedrock routes a call, which its model id says: a bare model id stays in the Region it is sent to, a
 * geographic inference profile ({@code eu.amazon.nova-micro-v1:0}) may be served anywhere in its geography, a global
 * one ({@code global.}) anywhere. Bedrock bills a call at the rate of the Region it is sent from and by its routing,
 * so routing is part of every price's key.
 */
public sealed interface Routing permits Routing.InRegion, Routing.Geographic, Routing.Global {

    /** The geographies Bedrock names its geographic inference profiles by, as their id prefixes. */
    List<String> GEOGRAPHIES = List.of("us", "us-gov", "eu", "apac", "jp", "au", "ca");

    Routing IN_REGION = new InRegion();
    Routing GLOBAL = new Global();

    /** The routing as the price table file writes it: {@code in-region}, {@code geo:eu}, {@code global}. */
    String key();

    /** The prefix the model id of a call with this routing carries: empty, {@code eu.}, {@code global.}. */
    String profilePrefix();

    record InRegion() implements Routing {
        @Override
        public String key() {
            return "in-region";
        }

        @Override
        public String profilePrefix() {
            return "";
        }
    }

    record Geographic(String geography) implements Routing {
        public Geographic {
            if (!GEOGRAPHIES.contains(geography)) {
                throw new IllegalArgumentException("geography must be one of " + String.join(", ", GEOGRAPHIES)
                        + "; was '" + geography + "'");
            }
        }

        @Override
        public String key() {
            return "geo:" + geography;
        }

        @Override
        public String profilePrefix() {
            return geography + ".";
        }
    }

    record Global() implements Routing {
        @Override
        public String key() {
            return "global";
        }

        @Override
        public String profilePrefix() {
            return "global.";
        }
    }

    /** Reads a routing as {@link #key()} writes it. */
    static Routing of(String key) {
        if (key.equals(IN_REGION.key())) {
            return IN_REGION;
        }
        if (key.equals(GLOBAL.key())) {
            return GLOBAL;
        }
        if (key.startsWith("geo:")) {
            return new Geographic(key.substring("geo:".length()));
        }
        throw new IllegalArgumentException("routing must be in-region, global or geo:<geography> (geography one of "
                + String.join(", ", GEOGRAPHIES) + "); was '" + key + "'");
    }
}
