package org.tidings;

import java.nio.file.Path;
import org.tidings.cli.TidingsCommand;

/** Entry point of {@code java -jar tidings.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        TidingsCommand root = new TidingsCommand(Path.of("").toAbsolutePath(), System.getenv(),
                config -> Tidings.open(config, java.time.Clock.systemUTC()));
        System.exit(root.commandLine(args).execute(args));
    }
}
