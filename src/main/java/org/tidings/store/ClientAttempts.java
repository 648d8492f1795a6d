package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Attempts per client (client_attempts), counted in the database so that every serve node counts
 * a client against the same limit. A window opens at a client's first attempt and allows
 * {@link AttemptLimit#max} in {@link AttemptLimit#window}; the first attempt after it opens the
 * next. Unlike a sliding window, a client may spend one window's attempts at its end and the
 * next's at once after (twice the limit in a moment), but no more than the limit per window over
 * time, which is what slows a password guesser or a sign-up flood.
 *
 * <p>The check and the count are one UPDATE that holds the row lock, so two nodes counting the
 * same client at once never lose a count and never both take the last attempt. A counted attempt
 * costs that one statement; a client's first, an INSERT and a bounded purge of passed windows.
 */
public final class ClientAttempts {
    /** Rows of passed windows purged per new client: more than clients arrive, so the table stays small. */
    static final int PURGE_BATCH = 100;
    private static final int MAX_CLIENT = 100;
    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Parameters: the cutoff (now minus the window) twice, now, scope, client, the cutoff, max. SET
     * reads the row as it was, on both engines, so both CASEs ask whether the old window passed.
     */
    static final Query COUNT = Query.of("count a client's attempt", "UPDATE client_attempts"
            + " SET attempts = CASE WHEN window_start <= ? THEN 1 ELSE attempts + 1 END,"
            + " window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END"
            + " WHERE scope = ? AND client = ? AND (window_start <= ? OR attempts < ?)",
            SAMPLE_TIME, SAMPLE_TIME, SAMPLE_TIME, "signup", "192.0.2.1", SAMPLE_TIME, 5);
    private static final String FIRST = "INSERT INTO client_attempts (scope, client, window_start, attempts)"
            + " VALUES (?, ?, ?, 1)";
    static final Query FORGET = Query.of("forget a client's attempts", "DELETE FROM client_attempts"
            + " WHERE scope = ? AND client = ?", "login", "192.0.2.1");
    /**
     * The window is checked again outside the subquery: a row another node has just opened a new
     * window on keeps its count.
     */
    static final Query PURGE = Query.of("purge passed windows", "DELETE FROM client_attempts"
            + " WHERE scope = ? AND window_start <= ? AND client IN (SELECT client FROM client_attempts"
            + " WHERE scope = ? AND window_start <= ? ORDER BY window_start LIMIT " + PURGE_BATCH + ")",
            "signup", SAMPLE_TIME, "signup", SAMPLE_TIME);

    private final Database db;

    public ClientAttempts(Database db) {
        this.db = db;
    }

    /** Counts one attempt of {@code client}; false when over the limit, and then it does not count. */
    public boolean count(AttemptLimit limit, String client, Instant now) {
        String key = Sql.fit(client, MAX_CLIENT);
        Instant cutoff = now.minus(limit.window());
        return db.query("count an attempt of " + key, c -> {
            if (counted(c, limit, key, now)) {
                return true;
            }
            if (first(c, limit, key, now)) {
                Sql.update(c, PURGE, limit.scope(), cutoff, limit.scope(), cutoff);
                return true;
            }
            // Another node counted the client's first attempt between our two statements.
            return counted(c, limit, key, now);
        });
    }

    /** Forgets the client's attempts: a login that succeeded. */
    public void forget(AttemptLimit limit, String client) {
        db.query("forget the attempts of " + client, c -> Sql.update(c, FORGET, limit.scope(),
                Sql.fit(client, MAX_CLIENT)));
    }

    private static boolean counted(Connection c, AttemptLimit limit, String key, Instant now) throws SQLException {
        Instant cutoff = now.minus(limit.window());
        return Sql.update(c, COUNT, cutoff, cutoff, now, limit.scope(), key, cutoff, limit.max()) == 1;
    }

    /** False when the client has a row already: over its limit, or just inserted by another node. */
    private static boolean first(Connection c, AttemptLimit limit, String key, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST)) {
            Sql.bind(ps, limit.scope(), key, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
