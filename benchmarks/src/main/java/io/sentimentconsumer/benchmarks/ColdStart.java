package io.sentimentconsumer.benchmarks;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.sentimentconsumer.lambda.KinesisSentimentHandler;
import java.util.List;

/**
 * What a Lambda cold start costs in our code: constructing the handler (configuration, price table, SDK client)
 * and its first invocation (class loading of the pipeline, EMF and log paths), in a fresh JVM on the Lambda jar's
 * class path. Run it through {@code benchmarks/cold-start.sh}, which starts a new JVM per sample.
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        KinesisSentimentHandler handler = new KinesisSentimentHandler();
        long constructed = System.nanoTime();
        KinesisEvent empty = new KinesisEvent();
        empty.setRecords(List.of());
        handler.handleRequest(empty, null);
        long invoked = System.nanoTime();
        System.err.printf("init_ms=%.1f first_invocation_ms=%.1f%n",
                (constructed - started) / 1e6, (invoked - constructed) / 1e6);
    }
}
