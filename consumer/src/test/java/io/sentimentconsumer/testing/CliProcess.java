package io.sentimentconsumer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI jar run as its own process, as users run it: {@code java -jar sentiment-consumer.jar ...}, with a clean
 * environment (no AWS or consumer variables from the caller's), dummy credentials and the given variables; or any
 * other process of ours, such as the Lambda runtime's ({@link LambdaRuntimeProcess}), with its output captured.
 */
public final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CliProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static CliProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", System.getProperty("consumer.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BEDROCK_")
                || k.startsWith("METRICS_") || List.of("BATCH_SIZE", "ENVIRONMENT", "MAX_POST_CHARS",
                        "PRICE_TABLE_FILE", "SUMMARY_INTERVAL").contains(k));
        // Dummy identity; letters only, because DynamoDB Local 2.x rejects any other access key id.
        builder.environment().putAll(Map.of(
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "testaccesskey",
                "AWS_SECRET_ACCESS_KEY", "testsecretkey"));
        builder.environment().putAll(env);
        return start(builder);
    }

    /** Starts any process of ours with its stdout and stderr captured in files, e.g. the Lambda runtime's. */
    public static CliProcess start(ProcessBuilder builder) throws IOException {
        Path out = Files.createTempFile("process", ".out");
        Path err = Files.createTempFile("process", ".err");
        return new CliProcess(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Runs to completion within {@code timeout}. */
    public static CliProcess run(Duration timeout, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        CliProcess process = start(env, args);
        if (!process.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.kill();
            throw new AssertionError("did not finish within " + timeout + ": " + String.join(" ", args)
                    + "\n" + process.stderr());
        }
        return process;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops a worker, then waits for the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("did not stop within " + timeout + "\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies with no chance to checkpoint or flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    public List<String> stderrLines() {
        return stderr().lines().toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
