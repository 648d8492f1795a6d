package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which migration a database has, read from Flyway's history table with one query, so that a
 * process opening a database that is up to date need not start Flyway (half a second of a
 * one-shot command's start: its class loading, its configuration, its validation).
 */
final class SchemaVersion {
    /**
     * The newest migration in src/main/resources/db/migration and src/main/java/db/migration. SchemaVersionTest fails when a
     * migration is added without raising it, since a database would then never be migrated to it.
     */
    static final String NEWEST = "17";

    /** Flyway creates the table and its columns quoted, in lower case, on H2 and PostgreSQL alike. */
    static final Query HISTORY = Query.of("applied migrations", "SELECT \"version\", \"success\""
            + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL");

    private SchemaVersion() {
    }

    /**
     * The newest version the database has applied; empty when it has no history yet, when the
     * history cannot be read, or when a migration failed (Flyway, which runs then, reports it).
     */
    static Optional<String> applied(Connection c) {
        String newest = null;
        try (PreparedStatement ps = c.prepareStatement(HISTORY.sql()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                String v = rs.getString(1);
                newest = newest == null || compare(v, newest) > 0 ? v : newest;
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(newest);
    }

    /** Compares Flyway versions part by part: "7" before "7.1" before "10". */
    static int compare(String a, String b) {
        long[] x = parts(a);
        long[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long[] parts(String version) {
        return Arrays.stream(version.split("[._]")).mapToLong(Long::parseLong).toArray();
    }
}
