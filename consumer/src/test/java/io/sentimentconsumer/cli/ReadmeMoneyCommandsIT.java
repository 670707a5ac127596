package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.testing.JsonLines;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's money commands, exactly as a newcomer types them: taken from the README, run as processes of the
 * built jar with the test events copied beside them, and the report's figures held to the consumer's own lines.
 */
class ReadmeMoneyCommandsIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("consumer.jar"));
    private static final String PREFIX = "java -jar consumer/target/sentiment-consumer.jar ";
    /** A command line, with an optional {@code 2> FILE} at its end. */
    private static final Pattern COMMAND = Pattern.compile("^" + Pattern.quote(PREFIX) + "(.+?)(?: 2> (\\S+))?$");

    @TempDir
    Path dir;

    /** The commands of the README's block that follows "The money questions". */
    private static List<Matcher> commands() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String after = readme.substring(readme.indexOf("The money questions"));
        String block = after.substring(after.indexOf("```bash") + 7, after.indexOf("```", after.indexOf("```bash") + 7));
        List<Matcher> commands = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            Matcher m = COMMAND.matcher(line.strip());
            assertThat(m.matches()).as("a README command of the jar: " + line).isTrue();
            commands.add(m);
        }
        return commands;
    }

    @Test
    void estimateReplayAndReportRunAsWrittenAndTheReportAddsUpTheReplaysLines() throws Exception {
        copy(ROOT.resolve("test-events"), dir.resolve("test-events"));
        List<Matcher> commands = commands();
        assertThat(commands).extracting(m -> m.group(1).split(" ")[0]).containsExactly("estimate", "replay", "report");

        List<String> outputs = new ArrayList<>();
        for (Matcher command : commands) {
            outputs.add(run(command.group(1), command.group(2)));
        }

        assertThat(outputs.get(0)).contains("amazon.nova-micro-v1:0", "us-east-1");
        List<JsonNode> calls = Files.readAllLines(dir.resolve("replay.log")).stream()
                .filter(line -> line.startsWith("{")).map(JsonLines::parse)
                .filter(line -> line.path("event").asText().equals("bedrock_call")).toList();
        assertThat(calls).hasSize(6);
        long tokens = calls.stream().mapToLong(c -> c.path("totalTokens").asLong()).sum();
        BigDecimal cost = calls.stream().map(c -> c.path("costUsd").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(outputs.get(2)).contains("Calls: 6 (0 unpriced), posts in calls: 150, tokens: "
                + String.format("%,d", tokens) + " ")
                .contains("Cost: $" + cost.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        try (var csv = Files.list(dir.resolve("out"))) {
            assertThat(csv.map(p -> p.getFileName().toString())).contains("total.csv", "by_day.csv");
        }
    }

    /** Runs a command line of the jar in {@link #dir}; returns its stdout, its stderr going to {@code stderrTo}. */
    private String run(String arguments, String stderrTo) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BEDROCK_")
                || k.startsWith("METRICS_") || k.startsWith("RESULTS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        File stdout = dir.resolve("stdout.txt").toFile();
        File stderr = stderrTo == null ? dir.resolve("stderr.txt").toFile() : dir.resolve(stderrTo).toFile();
        Process process = builder.redirectOutput(stdout).redirectError(stderr).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(arguments + " finished").isTrue();
        assertThat(process.exitValue()).as(arguments + ": " + Files.readString(stderr.toPath())).isZero();
        return Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
