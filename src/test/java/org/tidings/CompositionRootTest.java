package org.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root wires the parts and hands each consumer its slice: only the command line, which opens
 * the root, may import it. A web handler that reached through to the whole application again
 * would bring back the root-web import cycle.
 */
class CompositionRootTest {
    private static final Path MAIN = Path.of("src/main/java/org/tidings");
    private static final Pattern ROOT_IMPORT = Pattern.compile("^import org\\.tidings\\.[A-Z]\\w*;", Pattern.MULTILINE);

    @Test
    void onlyTheCommandLineImportsTheRoot() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getParent().equals(MAIN) && !p.startsWith(MAIN.resolve("cli")))
                    .filter(p -> ROOT_IMPORT.matcher(read(p)).find())
                    .map(p -> MAIN.relativize(p).toString())
                    .sorted().toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void theRootImportsNoWebTypeButThroughItsWiring() throws IOException {
        assertFalse(read(MAIN.resolve("Tidings.java")).contains("import org.tidings.web."));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
