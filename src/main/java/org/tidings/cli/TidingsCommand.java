package org.tidings.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        description = "Self-hosted feed aggregator and newsletter mailer.")
public final class TidingsCommand {
    /**
     * The commands, in the order help lists them. Not in {@code @Command(subcommands)}: picocli
     * would read the fields and methods of all 25 command classes, and create each, on every run
     * (a tenth of a second), while a run needs only the one it names.
     */
    private static final List<Class<?>> COMMANDS = List.of(FeedsCommand.class, FetchCommand.class, FeedCommand.class,
            SubscribersCommand.class, DigestCommand.class, ServeCommand.class, StatusCommand.class, DoctorCommand.class,
            InboundCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class);
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

    /**
     * The picocli command line for {@code args}, with our error handling: one line on stderr unless
     * --verbose. Only the command that {@code args} name is built; with none named (help, --version,
     * a typo) every command is, for picocli's usage lists and suggestions.
     */
    public CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(this);
        String named = commandNamedIn(args);
        for (Class<?> command : COMMANDS) {
            if (named == null || named.equals(nameOf(command))) {
                cl.addSubcommand(command);
            }
        }
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

    /**
     * The command that the first argument past the global options names, or null. Any other option
     * before it (-h, -V) may ask for the root's help, which lists every command.
     */
    static String commandNamedIn(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config")) {
                i++;
            } else if (!arg.startsWith("--config=") && !arg.equals("--verbose")) {
                boolean known = COMMANDS.stream().anyMatch(c -> nameOf(c).equals(arg));
                return known && !arg.equals("help") ? arg : null;
            }
        }
        return null;
    }

    /** Reads one annotation, not the class's fields and methods as building its model would. */
    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
