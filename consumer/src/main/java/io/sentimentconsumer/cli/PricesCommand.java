package io.sentimentconsumer.cli;

import picocli.CommandLine.Command;

/** The price table: what is in force, and writing a new one from the AWS Price List. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = "The price table the consumer prices calls with (docs/prices.md).",
        subcommands = {PricesShowCommand.class, PricesRefreshCommand.class})
public final class PricesCommand {
}
