package io.sentimentconsumer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** {@code report} run through the command line's own entry point, with its stdout, stderr and exit code. */
record ReportRun(int exitCode, String out, String err) {

    /** The committed fixture: what replay --log-format json wrote, stamped as a CloudWatch Logs export. */
    static final Path FIXTURE = Path.of("src", "test", "resources", "report", "replay-export.log");

    static ReportRun of(String... args) {
        return of(command -> { }, args);
    }

    /** With {@code setUp} given the command before it runs, e.g. to hand it a Logs Insights client. */
    static ReportRun of(Consumer<ReportCommand> setUp, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine main = Main.commandLine();
        setUp.accept((ReportCommand) main.getSubcommands().get("report").getCommand());
        main.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] command = new String[args.length + 1];
        command[0] = "report";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = main.execute(command);
        return new ReportRun(exitCode, out.toString(), err.toString());
    }

    /** A CSV file's rows as column name to value, the header read from its first line. */
    static List<Map<String, String>> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",", -1);
            return lines.subList(1, lines.size()).stream().map(line -> {
                String[] values = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], values[i]);
                }
                return row;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
