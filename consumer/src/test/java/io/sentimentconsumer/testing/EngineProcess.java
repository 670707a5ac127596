package io.sentimentconsumer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A test engine run as a process of its own (kinesis-local, S3Mock): its output in a log file, polled until it
 * answers, stopped when the tests are done with it.
 */
final class EngineProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private EngineProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code builder}'s command with its output, stdout and stderr together, in {@code log}. */
    static EngineProcess start(String name, ProcessBuilder builder, Path log) throws IOException {
        return new EngineProcess(name, builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /**
     * Waits until {@code probe} runs without an exception; stops the engine and fails, with its log, when it exits
     * first or does not answer within {@code timeout}.
     */
    void awaitReady(Duration timeout, Runnable probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + logText());
            }
            try {
                probe.run();
                return;
            } catch (RuntimeException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        stop();
        throw new IllegalStateException(name + " did not answer within " + timeout + ": " + logText(), last);
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks the engine to stop, and makes it after ten seconds. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    Path log() {
        return log;
    }
}
