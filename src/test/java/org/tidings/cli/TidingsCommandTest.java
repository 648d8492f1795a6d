package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The root command builds the model of the command its arguments name, and of all when they name none. */
class TidingsCommandTest {
    private static Set<String> built(String... args) {
        return new TidingsCommand(Path.of("."), Map.of(), c -> null).commandLine(args).getSubcommands().keySet();
    }

    @Test
    void buildsOnlyTheCommandNamedPastTheGlobalOptions() {
        assertEquals(Set.of("status"), built("status"));
        assertEquals(Set.of("feeds"), built("--config", "status", "--verbose", "feeds", "list"));
        assertEquals(Set.of("feed"), built("--config=x.properties", "feed", "--limit", "50"));
    }

    @Test
    void buildsEveryCommandForHelpVersionAndTypos() {
        Set<String> all = Set.of("feeds", "fetch", "feed", "subscribers", "digest", "serve", "status", "doctor", "inbound", "demo",
                "help");

        assertEquals(all, built());
        assertEquals(all, built("--help"));
        assertEquals(all, built("-h", "status"));
        assertEquals(all, built("help", "feeds"));
        assertEquals(all, built("stauts"));
        assertEquals(all, built("--config"));
    }
}
