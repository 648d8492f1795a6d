package org.tidings.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tidings digest}: the newsletter's issues. */
@Command(name = "digest", mixinStandardHelpOptions = true, description = "Preview and send the newsletter.",
        subcommands = {DigestPreviewCommand.class, DigestSendCommand.class})
public final class DigestCommand {
    @ParentCommand
    TidingsCommand root;
}
