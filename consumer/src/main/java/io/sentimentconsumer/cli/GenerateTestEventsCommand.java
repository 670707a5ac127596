package io.sentimentconsumer.cli;

import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.generate.SyntheticPosts.SyntheticPost;
import io.sentimentconsumer.generate.TestEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the test events in {@code test-events/}. The same seed gives the same bytes, so the committed files can
 * be checked against the generator. Prints file names and sizes, never post text.
 */
@Command(name = "generate-test-events", mixinStandardHelpOptions = true,
        description = "Writes synthetic Lambda Kinesis test events and posts (deterministic for a seed): "
                + "kinesis-25.json, kinesis-150.json, kinesis-malformed.json and posts.jsonl.")
public final class GenerateTestEventsCommand implements Callable<Integer> {

    public static final long DEFAULT_SEED = 20260115L;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "test-events",
            description = "Directory to write into, created if missing (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, byte[]> file : files(seed).entrySet()) {
                Path path = out.resolve(file.getKey());
                Files.write(path, file.getValue());
                stdout.printf("wrote %s (%d bytes)%n", path, file.getValue().length);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().printf("cannot write test events to %s: %s%n", out, e);
            return 1;
        }
        stdout.flush();
        return 0;
    }

    /**
     * The files by name, in the order written. One post generator and one shard run through all of them, so
     * post ids, timestamps and sequence numbers never repeat across files.
     */
    public static Map<String, byte[]> files(long seed) {
        SyntheticPosts posts = new SyntheticPosts(seed);
        TestEvents shard = new TestEvents(seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("kinesis-25.json", utf8(shard.kinesisEventOfPosts(posts.next(25))));
        files.put("kinesis-150.json", utf8(shard.kinesisEventOfPosts(posts.next(150))));
        // Record i is of kind TestEvents.MIXED_BATCH.get(i): 9 valid posts (plain, with a BOM, with extra
        // fields, over 1,000 characters) and one record of each of the 11 invalid kinds; see TestEvents.
        files.put("kinesis-malformed.json", utf8(shard.kinesisEvent(TestEvents.mixedBatch(posts))));
        StringBuilder lines = new StringBuilder();
        for (SyntheticPost post : posts.next(50)) {
            lines.append(post.toJson()).append('\n');
        }
        files.put("posts.jsonl", utf8(lines.toString()));
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
