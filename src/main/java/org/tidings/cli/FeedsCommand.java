package org.tidings.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tidings feeds}: the list of subscribed feeds. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Manage the subscribed feeds.",
        subcommands = {FeedsAddCommand.class, FeedsRemoveCommand.class, FeedsListCommand.class,
            FeedsImportCommand.class, FeedsExportCommand.class})
public final class FeedsCommand {
    @ParentCommand
    TidingsCommand root;
}
