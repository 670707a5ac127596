package io.sentimentconsumer.publish;

import java.util.List;

/**
 * Sends one invocation's measurements, all under the same namespace and dimensions. Publishing happens once, at
 * the end of an invocation, so no metrics call sits on the path of a model call.
 */
public interface MetricsPublisher {

    /** Publishes; throws when the measurements could not be delivered. */
    void publish(List<Measurement> measurements) throws Exception;

    MetricsPublisher NONE = measurements -> { };
}
