package org.tidings.config;

import java.util.OptionalInt;

/**
 * Where the database is and how to log in: an H2 file in the data folder by default, or one
 * PostgreSQL shared by several nodes ({@code db.url=jdbc:postgresql://host/db}).
 *
 * @param username null for none (the default H2 file needs none)
 * @param password null for none
 * @param poolSize {@code db.pool-size}, when set: the most connections this process holds. Several
 *     nodes on one PostgreSQL must together stay under its {@code max_connections}
 */
public record DatabaseConfig(String url, String username, String password, OptionalInt poolSize) {
    /** Several processes may serve this database at once: only PostgreSQL. */
    public boolean shared() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", poolSize=" + poolSize + "]";
    }

    /** The default: the H2 file in {@code dataDir}, no login. */
    public static DatabaseConfig h2File(java.nio.file.Path dataDir) {
        return new DatabaseConfig(DatabaseUrl.h2File(dataDir), null, null, OptionalInt.empty());
    }

    static DatabaseConfig from(Settings s, String defaultUrl) {
        String url = s.string("db.url", defaultUrl);
        if (!url.startsWith("jdbc:")) {
            throw new ConfigException("db.url", "must be a JDBC URL starting with jdbc:, got '" + url + "'");
        }
        OptionalInt pool = s.optional("db.pool-size").isPresent()
                ? OptionalInt.of(s.positiveInt("db.pool-size", 1)) : OptionalInt.empty();
        return new DatabaseConfig(url, s.optional("db.username").orElse(null), s.optional("db.password").orElse(null),
                pool);
    }
}
