package org.tidings.bench;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.tidings.config.DatabaseConfig;

/**
 * The database a benchmark runs on: the H2 file in its data folder, or the one named by
 * {@code -Dbench.db.url=jdbc:postgresql://...} (user and password in the URL), to compare engines
 * on the same corpus. A PostgreSQL database is not emptied here: give each run a fresh one.
 */
final class BenchDatabase {
    private BenchDatabase() {
    }

    static DatabaseConfig config(Path data) {
        String url = System.getProperty("bench.db.url");
        return url == null || url.isBlank() ? DatabaseConfig.h2File(data)
                : new DatabaseConfig(url, null, null, OptionalInt.empty());
    }
}
