package org.tidings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.tidings.config.ConfigLoader;
import org.tidings.config.DatabaseUrl;
import org.tidings.store.Database;

/**
 * The one way tests open a database: an H2 file in the test's own folder, brought to the newest
 * schema by the real migrations. {@link #open} gives the database alone, for the stores and
 * ingest; {@link #tidings} the whole application over the same kind of file, opened from its
 * settings as serve and the commands open it.
 */
public final class TestDatabase {
    /** Enough for the busiest test: ingest's workers at once, or two runs saving beside each other. */
    private static final int POOL = 10;
    private static final String TEMPLATES = Path.of("templates").toAbsolutePath().toString();

    private TestDatabase() {
    }

    /** Where the H2 file of a test's folder is. */
    public static String url(Path dir) {
        return DatabaseUrl.h2File(dir);
    }

    public static Database open(Path dir) {
        return open(dir, "");
    }

    /** @param h2Settings appended to the URL, such as {@code ;RETENTION_TIME=0}; empty for none */
    public static Database open(Path dir, String h2Settings) {
        return Database.open(url(dir) + h2Settings, dir, POOL);
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
        return Tidings.open(new ConfigLoader(dir, all).load(null), clock);
    }
}
