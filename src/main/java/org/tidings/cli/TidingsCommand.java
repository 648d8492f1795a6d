package org.tidings.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.tidings.Tidings;
import org.tidings.config.ConfigLoader;
import org.tidings.config.TidingsConfig;
import org.tidings.config.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code tidings}: the root command and its global options. */
@Command(name = "tidings", mixinStandardHelpOptions = true, versionProvider = TidingsCommand.VersionInfo.class,
        description = "Self-hosted feed aggregator and newsletter mailer.",
        subcommands = {FeedsCommand.class, FetchCommand.class, FeedCommand.class, SubscribersCommand.class,
            DigestCommand.class, ServeCommand.class, StatusCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class TidingsCommand {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ./tidings.properties, else ./config/tidings.properties).")
    Path configFile;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private final Path workingDir;
    private final Map<String, String> env;
    private final Function<TidingsConfig, Tidings> opener;

    public TidingsCommand(Path workingDir, Map<String, String> env, Function<TidingsConfig, Tidings> opener) {
        this.workingDir = workingDir;
        this.env = env;
        this.opener = opener;
    }

    /** The picocli command line with our error handling: one line on stderr unless --verbose. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("tidings: " + message(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    TidingsConfig config() {
        return new ConfigLoader(workingDir, env).load(configFile == null ? null : workingDir.resolve(configFile));
    }

    Tidings open() {
        return opener.apply(config());
    }

    Path workingDir() {
        return workingDir;
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Prints the version from the build. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tidings " + Version.current()};
        }
    }
}
