package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;

/** Opening a database runs Flyway only when the database lacks one of the jar's migrations. */
class SchemaVersionTest {
    private static final Pattern MIGRATION = Pattern.compile("V([0-9._]+)__.*\\.(sql|java)");

    @TempDir
    Path dir;

    @Test
    void newestIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        // SQL migrations and Java ones (a conversion SQL cannot write portably), from the sources:
        // the test classpath has a db.migration package of its own.
        String newest;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.list(Path.of("src/main/java/db/migration")))) {
            newest = files.map(f -> MIGRATION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).max(SchemaVersion::compare).orElseThrow();
        }

        assertEquals(newest, SchemaVersion.NEWEST, "a migration was added: raise SchemaVersion.NEWEST to it");
    }

    @Test
    void opensACurrentDatabaseWithoutRunningFlyway() {
        TestDatabase.open(dir).close();
        // Flyway validates every applied migration's checksum before it migrates, and refuses this one.
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        try (Database db = TestDatabase.open(dir)) {
            assertEquals(Optional.of(SchemaVersion.NEWEST), db.query("read history", SchemaVersion::applied));
        }
    }

    @Test
    void migratesADatabaseOneVersionBehind() {
        TestDatabase.open(dir).close();
        // As the previous Tidings left it: the newest migration (an idempotent ALTER) not yet applied.
        execute("DELETE FROM flyway_schema_history WHERE version = '" + SchemaVersion.NEWEST + "'");

        try (Database db = TestDatabase.open(dir)) {
            assertEquals(Optional.of(SchemaVersion.NEWEST), db.query("read history", SchemaVersion::applied));
            long runs = db.query("count runs", c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + SchemaVersion.NEWEST + "'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(1, runs);
        }
    }

    @Test
    void refusesADatabaseNewerThanThisTidings() {
        TestDatabase.open(dir).close();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (100, '99', 'future', 'SQL', 'V99__future.sql', 1,"
                + " 'test', 1, TRUE)");

        StoreException e = assertThrows(StoreException.class, () -> TestDatabase.open(dir));

        assertTrue(e.getMessage().contains("has schema version 99, newer than this Tidings knows (" + SchemaVersion.NEWEST + ")"),
                e.getMessage());
    }

    @Test
    void comparesVersionsPartByPart() {
        assertTrue(SchemaVersion.compare("7", "10") < 0);
        assertTrue(SchemaVersion.compare("7", "7.1") < 0);
        assertEquals(0, SchemaVersion.compare("7", "7.0"));
        assertTrue(SchemaVersion.compare("7_2", "7.1") > 0);
    }

    /** Changes the database behind Tidings' back, as an older or newer Tidings would have left it. */
    private void execute(String sql) {
        try (Database db = TestDatabase.open(dir)) {
            db.query("change the database", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(sql);
                }
            });
        }
    }
}
