package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateTestEventsCommandTest {

    static final List<String> FILES =
            List.of("kinesis-25.json", "kinesis-150.json", "kinesis-malformed.json", "posts.jsonl");

    @TempDir
    Path temp;

    @Test
    void writesTheFourFilesAndReportsOnlyNamesAndSizes() throws IOException {
        Run run = run("--out", temp.resolve("events").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(listing(temp.resolve("events"))).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(run.out().lines()).hasSize(4)
                .allSatisfy(line -> assertThat(line).matches("wrote .*(kinesis-25\\.json|kinesis-150\\.json"
                        + "|kinesis-malformed\\.json|posts\\.jsonl) \\(\\d+ bytes\\)"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        assertThat(run("--out", temp.resolve("a").toString(), "--seed", "7").exitCode()).isZero();
        assertThat(run("--out", temp.resolve("b").toString(), "--seed", "7").exitCode()).isZero();
        assertThat(run("--out", temp.resolve("c").toString(), "--seed", "8").exitCode()).isZero();

        for (String file : FILES) {
            byte[] a = Files.readAllBytes(temp.resolve("a").resolve(file));
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(file))).as(file).isEqualTo(a);
            assertThat(Files.readAllBytes(temp.resolve("c").resolve(file))).as(file).isNotEqualTo(a);
        }
    }

    @Test
    void withoutASeedItUsesTheDefaultOne() throws IOException {
        assertThat(run("--out", temp.toString()).exitCode()).isZero();

        Map<String, byte[]> expected = GenerateTestEventsCommand.files(GenerateTestEventsCommand.DEFAULT_SEED);
        assertThat(expected.keySet()).containsExactlyElementsOf(FILES);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(temp.resolve(file))).as(file).isEqualTo(expected.get(file));
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsWithAMessage() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("file"), "x");

        Run run = run("--out", notADirectory.resolve("events").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("cannot write test events to ");
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new GenerateTestEventsCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
