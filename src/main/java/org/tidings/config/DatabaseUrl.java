package org.tidings.config;

import java.nio.file.Path;

/** The default database location. */
public final class DatabaseUrl {
    private DatabaseUrl() {
    }

    /**
     * An H2 file database in {@code dataDir}. AUTO_SERVER lets a second process (the CLI beside a
     * running {@code serve}) open the same file; PostgreSQL compatibility mode keeps our SQL honest.
     */
    public static String h2File(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tidings")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
