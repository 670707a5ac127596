package io.sentimentconsumer.account;

/**
 * A model id taken apart: the base model it runs and the routing its inference-profile prefix asks for
 * ({@code eu.amazon.nova-micro-v1:0} is {@code amazon.nova-micro-v1:0}, {@code geo:eu}). A prefix Bedrock does not
 * name a geography by stays part of the model id, so such an id finds no price rather than another routing's.
 */
public record ModelRoute(String baseModelId, Routing routing) {

    public static ModelRoute of(String modelId) {
        if (modelId.startsWith(Routing.GLOBAL.profilePrefix())) {
            return new ModelRoute(modelId.substring(Routing.GLOBAL.profilePrefix().length()), Routing.GLOBAL);
        }
        for (String geography : Routing.GEOGRAPHIES) {
            Routing routing = new Routing.Geographic(geography);
            if (modelId.startsWith(routing.profilePrefix())) {
                return new ModelRoute(modelId.substring(routing.profilePrefix().length()), routing);
            }
        }
        return new ModelRoute(modelId, Routing.IN_REGION);
    }

    /** The id a call with this route names: the base model id behind the routing's prefix. */
    public String modelId() {
        return routing.profilePrefix() + baseModelId;
    }
}
