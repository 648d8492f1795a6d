package org.tidings.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.tidings.config.DatabaseConfig;

/** The connection pool over the migrated database. One per process. */
public final class Database implements AutoCloseable {
    static {
        // H2 interns every string value it is given in a global cache, hashing each article's
        // content on every insert for no gain: our values are almost never repeated.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";

    static final Query PING = Query.of("health check", "SELECT 1");

    private final HikariDataSource pool;
    private final StoreCompactor compactor;
    private final String jdbcUrl;

    private Database(HikariDataSource pool, String jdbcUrl) {
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.compactor = StoreCompactor.start(pool);
    }

    /**
     * Opens the pool and brings the schema up to date: Flyway runs only when the database lacks
     * a migration of this jar, so a command on an up-to-date database does not pay for it.
     *
     * @param dataDir created when missing, since the default H2 URL points into it
     * @param poolSize connections; ingest workers each hold one while storing a feed
     */
    public static Database open(String jdbcUrl, Path dataDir, int poolSize) {
        return open(new DatabaseConfig(jdbcUrl, null, null, OptionalInt.empty()), dataDir, poolSize);
    }

    /** As {@link #open(String, Path, int)}, logging in as the configuration says. */
    public static Database open(DatabaseConfig config, Path dataDir, int poolSize) {
        String jdbcUrl = config.url();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("Could not create data folder " + dataDir, e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        if (config.username() != null) {
            hc.setUsername(config.username());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setPoolName("tidings");
        hc.setExceptionOverrideClassName(BrokenConnections.class.getName());
        // Hikari's default 30 s would hold every request (and /healthz) that long while the
        // database cannot be reached; 5 s is still far beyond any query a page runs.
        hc.setConnectionTimeout(5_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("Could not open database " + jdbcUrl, e);
        }
        try {
            migrateIfBehind(pool, jdbcUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, jdbcUrl);
    }

    /** @throws StoreException when the database is newer than this jar's migrations, or a migration fails */
    private static void migrateIfBehind(HikariDataSource pool, String jdbcUrl) {
        Optional<String> applied;
        try (Connection c = pool.getConnection()) {
            applied = SchemaVersion.applied(c);
        } catch (SQLException e) {
            throw new StoreException("Could not open database " + jdbcUrl, e);
        }
        if (applied.isPresent() && SchemaVersion.compare(applied.get(), SchemaVersion.NEWEST) > 0) {
            // Flyway would only warn and carry on, and this Tidings would write to tables it does not know.
            throw new StoreException("Database " + jdbcUrl + " has schema version " + applied.get()
                    + ", newer than this Tidings knows (" + SchemaVersion.NEWEST
                    + "): run the Tidings that upgraded it");
        }
        if (applied.isEmpty() || SchemaVersion.compare(applied.get(), SchemaVersion.NEWEST) < 0) {
            migrate(pool, jdbcUrl);
        }
    }

    /** Several processes may get here at once (serve and a command): Flyway locks the history table. */
    private static void migrate(DataSource pool, String jdbcUrl) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("Could not migrate database " + jdbcUrl, e);
        }
    }

    /** The pool itself, for Quartz's job store, which runs its own SQL on our database. */
    public DataSource dataSource() {
        return pool;
    }

    /** Asks the database for one value: a health check. @throws StoreException when it does not answer */
    public void ping() {
        query("reach the database", c -> {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(PING.sql())) {
                return rs.next();
            }
        });
    }

    /**
     * Compacts the H2 file now rather than at the next minute's background run: housekeeping calls
     * it after deleting. Does nothing on other databases.
     *
     * @return passes done; 0 when nothing needed it
     */
    public int compact() {
        try {
            return compactor.compact();
        } catch (SQLException e) {
            throw new StoreException("Could not compact the database file", e);
        }
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what, e);
        }
    }

    /**
     * As {@link #inTransaction}, tried once more when another transaction won a race on a unique
     * key (SQLState 23505, the same on H2 and PostgreSQL): two runs storing the same feed at once.
     * The second attempt reads what the winner committed and writes only what is left.
     */
    <T> T inTransactionRetryingConflict(String what, SqlWork<T> work) {
        try {
            return inTransaction(what, work);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !isUniqueViolation(sql)) {
                throw e;
            }
            return inTransaction(what, work);
        }
    }

    /** Another statement won a race on a unique key: the same SQLState on H2 and PostgreSQL. */
    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** Runs {@code work} on one auto-committing connection. */
    <T> T query(String what, SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what, e);
        }
    }

    @Override
    public void close() {
        compactor.close();
        pool.close();
        if (compactor.sparseAfterClose()) {
            StoreCompactor.cutClosedFile(jdbcUrl);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
