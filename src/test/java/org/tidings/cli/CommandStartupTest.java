package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.Main;

/**
 * A one-shot command does only the start-up work it needs: run in a fresh JVM, as a user runs it,
 * with the JVM's log of every class it loads.
 */
class CommandStartupTest {
    @TempDir
    Path dir;

    @Test
    void statusOnAnUpToDateDatabaseLoadsNeitherFlywayNorTheFetcher() throws IOException, InterruptedException {
        assertEquals(0, CliRun.run(dir, Map.of(), "status").exitCode, "creates and migrates the database");

        Set<String> loaded = classesLoadedBy("status");

        assertTrue(loaded.contains("org.tidings.cli.StatusCommand"), "the class log works");
        assertFalse(loaded.contains("org.flywaydb.core.Flyway"), "migrations already applied are not checked again");
        assertFalse(loaded.contains("org.tidings.fetch.FeedFetcher"), "status never fetches");
        assertFalse(loaded.contains("java.net.http.HttpClient"), "status never fetches");
    }

    @Test
    void aCommandBuildsOnlyItsOwnModelAndLogsWithoutReadingXml() throws IOException, InterruptedException {
        assertEquals(0, CliRun.run(dir, Map.of(), "status").exitCode, "creates and migrates the database");

        Set<String> loaded = classesLoadedBy("status");

        assertTrue(loaded.contains("org.tidings.logging.StderrLogging"), "the product's logging, not the tests'");
        assertFalse(loaded.contains("org.tidings.cli.OutputFormat"), "the list commands' options are not read");
        assertFalse(loaded.contains("ch.qos.logback.classic.joran.JoranConfigurator"), "no logback.xml is read");
        assertFalse(loaded.contains("com.sun.org.apache.xerces.internal.parsers.SAXParser"), "no XML is parsed");
        assertFalse(loaded.contains("ch.qos.logback.classic.PatternLayout"), "no pattern is compiled");
    }

    @Test
    void anAdminsOwnLogbackFileReplacesOurLogging() throws IOException, InterruptedException {
        assertEquals(0, CliRun.run(dir, Map.of(), "status").exitCode, "creates and migrates the database");
        Path own = dir.resolve("own-logback.xml");
        Files.writeString(own, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OWN %level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="OUT"/></root>
                </configuration>
                """);

        classesLoadedBy(List.of("-Dlogback.configurationFile=" + own), "status");

        assertTrue(read(dir.resolve("out.txt")).contains("OWN DEBUG com.zaxxer.hikari"), () -> read(dir.resolve("out.txt")));
    }

    @Test
    void subscribersListLoadsNoTemplatesNorJacksonDatabind() throws IOException, InterruptedException {
        assertEquals(0, CliRun.run(dir, Map.of(), "subscribers", "add", "--confirmed", "ana@example.org").exitCode);

        Set<String> loaded = classesLoadedBy("subscribers", "list", "--format", "json");

        assertTrue(loaded.contains("com.fasterxml.jackson.core.JsonGenerator"), "the class log works");
        assertFalse(loaded.contains("com.fasterxml.jackson.databind.ObjectMapper"), "JSON is streamed, not a tree");
        assertFalse(loaded.contains("org.tidings.render.Templates"), "a list sends no mail");
    }

    private Set<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        return classesLoadedBy(List.of(), args);
    }

    /**
     * Runs the command in a new JVM in {@code dir}, its output to out.txt, and returns the names of
     * the classes it loaded.
     */
    private Set<String> classesLoadedBy(List<String> jvmOptions, String... args) throws IOException,
            InterruptedException {
        Path log = dir.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Xlog:class+load=info:file=" + log + ":none"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", CliRun.productClassPath(), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertEquals(0, p.waitFor(), () -> read(dir.resolve("out.txt")));
        // Lines read "java.lang.Object source: shared objects file".
        return Files.readAllLines(log).stream().map(l -> l.split(" ", 2)[0]).collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
