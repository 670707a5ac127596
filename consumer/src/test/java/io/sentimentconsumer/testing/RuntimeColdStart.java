package io.sentimentconsumer.testing;

import io.sentimentconsumer.testing.LocalRuntimeApi.Outcome;
import io.sentimentconsumer.testing.LocalRuntimeApi.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures a cold start the way Lambda has one: a fresh runtime-client process over the Lambda jar ({@link
 * LambdaRuntimeProcess}), timed from the process start to its first poll of the Runtime API (init: JVM, runtime
 * client, handler constructor) and to its answer of the first event (the first invocation), then a second event
 * (warm). Bedrock is the WireMock fake answering at once, so only our code and the runtime's are timed. Run by
 * {@code benchmarks/runtime-cold-start.sh}; numbers in docs/benchmarks.md, never asserted.
 *
 * <p>Arguments: the Lambda jar, the runtime's class path, the event file, the number of samples. With
 * {@code RESULTS_SINK=s3} in the environment the function also writes its results, to a bucket on {@link S3Mock}
 * (the {@code s3mock.jar} system property), so that init builds the S3 client and each invocation puts its objects.
 */
public final class RuntimeColdStart {

    private RuntimeColdStart() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String runtimeClassPath = args[1];
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        int samples = Integer.parseInt(args[3]);
        Map<String, String> results = results();
        System.out.println("sample,init_ms,first_invocation_ms,second_invocation_ms");
        for (int i = 1; i <= samples; i++) {
            try (FakeBedrock bedrock = new FakeBedrock(); LocalRuntimeApi api = new LocalRuntimeApi()) {
                bedrock.script(FakeBedrock::scoreAll);
                long started = System.nanoTime();
                Map<String, String> settings = new HashMap<>(Map.of("BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0",
                        "ENVIRONMENT", "bench", "METRICS_SINK", System.getenv().getOrDefault("METRICS_SINK", "emf"),
                        "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint()));
                settings.putAll(results);
                try (CliProcess function = LambdaRuntimeProcess.start(jar, runtimeClassPath, api.address(),
                        settings)) {
                    long initDone = api.firstPoll().get(60, TimeUnit.SECONDS);
                    long first = answer(api, event, function);
                    long beforeSecond = System.nanoTime();
                    long second = answer(api, event, function);
                    System.out.printf("%d,%.0f,%.0f,%.0f%n", i, (initDone - started) / 1e6,
                            (first - initDone) / 1e6, (second - beforeSecond) / 1e6);
                }
            }
        }
        System.exit(0); // S3Mock's process stops with this JVM's shutdown hook
    }

    /** The results settings: none, or a bucket on S3Mock when the environment says {@code RESULTS_SINK=s3}. */
    private static Map<String, String> results() throws Exception {
        if (!"s3".equals(System.getenv("RESULTS_SINK"))) {
            return Map.of();
        }
        S3Mock s3 = S3Mock.shared();
        s3.createBucket("cold-start-results");
        return Map.of("RESULTS_SINK", "s3", "RESULTS_BUCKET", "cold-start-results",
                "AWS_ENDPOINT_URL_S3", s3.endpoint());
    }

    private static long answer(LocalRuntimeApi api, byte[] event, CliProcess function) throws Exception {
        Outcome outcome = api.invoke(event, Duration.ofSeconds(60)).get(90, TimeUnit.SECONDS);
        if (!(outcome instanceof Response)) {
            throw new IllegalStateException("the function failed: " + outcome + "\n" + function.stderr());
        }
        return System.nanoTime();
    }
}
