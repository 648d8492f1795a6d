package org.tidings.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tidings subscribers}: the newsletter's list. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Manage newsletter subscribers.",
        subcommands = {SubscribersAddCommand.class, SubscribersListCommand.class, SubscribersRemoveCommand.class,
            SubscribersImportCommand.class, SubscribersExportCommand.class})
public final class SubscribersCommand {
    @ParentCommand
    TidingsCommand root;
}
