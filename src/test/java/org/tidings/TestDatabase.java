package org.tidings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tidings.config.ConfigLoader;
import org.tidings.config.DatabaseUrl;
import org.tidings.store.ClaimTime;
import org.tidings.store.Database;

/**
 * The one way tests open a database: an H2 file in the test's own folder, brought to the newest
 * schema by the real migrations. {@link #open} gives the database alone, for the stores and
 * ingest; {@link #tidings} the whole application over the same kind of file, opened from its
 * settings as serve and the commands open it.
 *
 * <p>With the system property {@code tidings.test.engine=postgresql} (the build's second test
 * run) each test folder gets a database of its own in {@link TestPostgres}'s cluster instead, so
 * that the same tests run on both engines.
 */
public final class TestDatabase {
    private static final Map<Path, String> POSTGRES = new ConcurrentHashMap<>();
    /** Enough for the busiest test: ingest's workers at once, or two runs saving beside each other. */
    private static final int POOL = 10;
    private static final String TEMPLATES = Path.of("templates").toAbsolutePath().toString();

    private TestDatabase() {
    }

    /** Where the database of a test's folder is: the same one each time for the same folder. */
    public static String url(Path dir) {
        if (onPostgres()) {
            return POSTGRES.computeIfAbsent(dir.toAbsolutePath(), d -> TestPostgres.newDatabase());
        }
        return DatabaseUrl.h2File(dir);
    }

    /** Whether this test run is the one on PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("tidings.test.engine"));
    }

    public static Database open(Path dir) {
        return open(dir, "");
    }

    /** @param h2Settings appended to an H2 URL, such as {@code ;RETENTION_TIME=0}; empty for none */
    public static Database open(Path dir, String h2Settings) {
        return Database.open(url(dir) + (onPostgres() ? "" : h2Settings), dir, POOL);
    }

    /**
     * The application on the file {@link #url} puts in {@code dir}'s data folder, with the real
     * templates.
     *
     * @param env more settings as TIDINGS_* variables, such as {@link TestSmtp#settings}; they win
     *     over ours, TIDINGS_DB_URL too
     */
    public static Tidings tidings(Path dir, Map<String, String> env, Clock clock) {
        Map<String, String> all = new HashMap<>(Map.of("TIDINGS_DB_URL", url(dir.resolve("data")),
                "TIDINGS_TEMPLATES_DIR", TEMPLATES));
        all.putAll(env);
        // The test's clock pins the claims of due feeds too: "due" is what the test's time says.
        return Tidings.open(new ConfigLoader(dir, all).load(null), clock, ClaimTime.of(clock));
    }
}
