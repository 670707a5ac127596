package io.sentimentconsumer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar sentiment-consumer.jar <command>}. */
@Command(
        name = "sentiment-consumer",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Kinesis posts -> batched Bedrock sentiment -> per-batch token accounting.",
        subcommands = {ReplayCommand.class, GenerateTestEventsCommand.class, WorkerCommand.class,
            ProduceCommand.class, RedriveCommand.class, PricesCommand.class, EstimateCommand.class,
            ReconcileCommand.class, ReportCommand.class})
public final class Main {

    public static void main(String[] args) {
        // Library logs (SDK, KCL) go to stderr at WARN unless the user chose otherwise.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportError);
    }

    /** Bad input or settings get one clear line, not a stack trace; defects keep theirs. */
    private static int reportError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        String message;
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            message = "file not found: " + missing.getFile();
        } else if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException) {
            message = e.getMessage();
        } else {
            throw e;
        }
        commandLine.getErr().println(commandLine.getCommandName() + ": " + message);
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sentiment-consumer " + (version == null ? "(development build)" : version)};
        }
    }
}
