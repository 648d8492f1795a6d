package org.tidings.bench;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.tidings.TestPostgres;
import org.tidings.config.DatabaseConfig;

/**
 * The database a benchmark runs on, to compare engines on the same corpus: the H2 file in its data
 * folder by default; with {@code -Dbench.db.url=postgresql}, a fresh database on a throw-away cluster
 * of Debian's PostgreSQL (as the tests start one); or the one named by
 * {@code -Dbench.db.url=jdbc:postgresql://...} (user and password in the URL), which is not emptied
 * here: give each run a fresh one.
 */
final class BenchDatabase {
    private BenchDatabase() {
    }

    /** Called once per benchmark round: each call on the throw-away cluster is a new, empty database. */
    static DatabaseConfig config(Path data) {
        String url = System.getProperty("bench.db.url");
        if (url == null || url.isBlank()) {
            return DatabaseConfig.h2File(data);
        }
        String chosen = url.equals("postgresql") ? TestPostgres.newDatabase() : url;
        System.out.println("database: " + chosen.replaceAll("password=[^&]*", "password=…"));
        return new DatabaseConfig(chosen, null, null, OptionalInt.empty());
    }
}
