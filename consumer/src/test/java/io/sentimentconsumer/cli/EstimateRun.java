package io.sentimentconsumer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One {@code estimate} run in this JVM, through the command line as {@code java -jar} runs it (Main's error
 * handling included), with no environment variables: the Region and everything else come from the options.
 */
record EstimateRun(int exitCode, String out, String err) {

    /** The committed sample the estimate tests size: 50 posts, two full calls of 25. */
    static final String POSTS = Path.of("..", "test-events", "posts.jsonl").toString();

    static EstimateRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine main = Main.commandLine();
        ((EstimateCommand) main.getSubcommands().get("estimate").getCommand()).env = Map.of();
        main.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] command = new String[args.length + 1];
        command[0] = "estimate";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = main.execute(command);
        return new EstimateRun(exitCode, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out + err, e);
        }
    }

    /** The JSON document's row of a model in a Region. */
    JsonNode model(String modelId, String region) {
        for (JsonNode row : json().path("models")) {
            if (row.path("model").asText().equals(modelId) && row.path("region").asText().equals(region)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + modelId + " in " + region + " in " + out);
    }
}
