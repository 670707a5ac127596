package io.sentimentconsumer.benchmarks;

import io.sentimentconsumer.lambda.KinesisSentimentHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a Lambda cold start costs in our code: constructing the handler (configuration, price table, SDK client)
 * and its first invocation (class loading of the pipeline, EMF and log paths), in a fresh JVM on the Lambda jar's
 * class path. Run it through {@code benchmarks/cold-start.sh}, which starts a new JVM per sample.
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        KinesisSentimentHandler handler = new KinesisSentimentHandler();
        long constructed = System.nanoTime();
        byte[] empty = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);
        handler.handleRequest(new ByteArrayInputStream(empty), new ByteArrayOutputStream(), null);
        long invoked = System.nanoTime();
        System.err.printf("init_ms=%.1f first_invocation_ms=%.1f%n",
                (constructed - started) / 1e6, (invoked - constructed) / 1e6);
    }
}
