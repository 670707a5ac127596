package io.sentimentconsumer.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the app for a context, once per distinct context in the test JVM (jsii makes each synth cost
 * seconds). The Lambda artifact is a small placeholder jar, so the tests do not depend on the consumer's build;
 * the real jar is what {@code cdk synth} stages (see InfraAppTest for the default path).
 */
final class Synth {

    static final Path ASSETS = Path.of("target", "test-assets").toAbsolutePath();
    static final Path PLACEHOLDER_JAR = ASSETS.resolve("placeholder-lambda.jar");
    /** A worker build context with the two files the worker's image needs, as placeholders. */
    static final Path WORKER_CONTEXT = ASSETS.resolve("worker-context");

    private static final Map<Map<String, Object>, Synthesized> CACHE = new ConcurrentHashMap<>();

    record Synthesized(SentimentConsumerStack stack, Template template, Annotations annotations) {
    }

    private Synth() {
    }

    static Template template(Map<String, Object> context) {
        return of(context).template();
    }

    static synchronized Synthesized of(Map<String, Object> context) {
        Synthesized cached = CACHE.get(context);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> full = new HashMap<>(context);
        full.putIfAbsent("lambdaJar", placeholderJar().toString());
        full.putIfAbsent("workerImageContext", workerContext().toString());
        App app = App.Builder.create().context(full).build();
        SentimentConsumerStack stack = InfraApp.stack(app);
        Synthesized synthesized = new Synthesized(stack, Template.fromStack(stack), Annotations.fromStack(stack));
        CACHE.put(context, synthesized);
        return synthesized;
    }

    static Path placeholderJar() {
        if (!Files.isRegularFile(PLACEHOLDER_JAR)) {
            try {
                Files.createDirectories(ASSETS);
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                try (OutputStream out = Files.newOutputStream(PLACEHOLDER_JAR);
                     JarOutputStream jar = new JarOutputStream(out, manifest)) {
                    jar.finish();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return PLACEHOLDER_JAR;
    }

    static Path workerContext() {
        try {
            Path dockerfile = WORKER_CONTEXT.resolve(KclWorker.DOCKERFILE);
            Path jar = WORKER_CONTEXT.resolve(KclWorker.WORKER_JAR);
            Files.createDirectories(dockerfile.getParent());
            Files.createDirectories(jar.getParent());
            Files.copy(StackParameters.repositoryRoot().resolve(KclWorker.DOCKERFILE), dockerfile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(placeholderJar(), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return WORKER_CONTEXT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
