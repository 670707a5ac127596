package io.sentimentconsumer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar sentiment-consumer.jar <command>}. */
@Command(
        name = "sentiment-consumer",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Kinesis posts -> batched Bedrock sentiment -> per-batch token accounting.",
        subcommands = {ReplayCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sentiment-consumer " + (version == null ? "(development build)" : version)};
        }
    }
}
