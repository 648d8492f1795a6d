package org.tidings.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin's sessions (admin_sessions), shared by every serve node on the database. A session
 * is keyed by the SHA-256 of its id, so that reading the table or a backup of it hands out no live
 * session; every method takes the id and hashes it here, and the id itself is never written.
 */
public final class AdminSessionStore {
    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    static final Query FIND = Query.of("a live admin session", "SELECT csrf_token, last_seen_at, expires_at, notice"
            + " FROM admin_sessions WHERE id_hash = ? AND expires_at > ?", "hash", SAMPLE_TIME);
    /** A session that has just expired is not brought back by a request that read it a moment before. */
    static final Query TOUCH = Query.of("extend an admin session", "UPDATE admin_sessions SET last_seen_at = ?,"
            + " expires_at = ? WHERE id_hash = ? AND expires_at > ?", SAMPLE_TIME, SAMPLE_TIME, "hash", SAMPLE_TIME);
    /** Only the notice read: one that another tab left since is kept for the next page. */
    static final Query TAKE_NOTICE = Query.of("clear a session's notice", "UPDATE admin_sessions SET notice = NULL"
            + " WHERE id_hash = ? AND notice = ?", "hash", "Added.");
    static final Query LEAVE_NOTICE = Query.of("leave a session a notice", "UPDATE admin_sessions SET notice = ?"
            + " WHERE id_hash = ?", "Added.", "hash");
    static final Query DELETE = Query.of("end an admin session", "DELETE FROM admin_sessions WHERE id_hash = ?",
            "hash");
    /**
     * Run at each login, so the table holds the sessions of about one idle period of logins: no
     * batch limit is needed for what one admin password can create.
     */
    static final Query PURGE = Query.of("purge expired admin sessions", "DELETE FROM admin_sessions"
            + " WHERE expires_at <= ?", SAMPLE_TIME);
    private static final String INSERT = "INSERT INTO admin_sessions (id_hash, csrf_token, created_at, last_seen_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?)";
    private static final int MAX_NOTICE = 1000;

    private final Database db;

    public AdminSessionStore(Database db) {
        this.db = db;
    }

    /** Stores the session, and purges those expired by its creation time. */
    public void create(NewAdminSession s) {
        db.inTransaction("store an admin session", c -> {
            Sql.update(c, PURGE, s.createdAt());
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                Sql.bind(ps, hash(s.id()), s.csrf(), s.createdAt(), s.createdAt(), s.expiresAt());
                return ps.executeUpdate();
            }
        });
    }

    /** The session with this id, unless unknown or expired at {@code now}. */
    public Optional<StoredAdminSession> find(String id, Instant now) {
        return db.query("read an admin session", c -> {
            try (PreparedStatement ps = c.prepareStatement(FIND.sql())) {
                ps.setString(1, hash(id));
                Sql.setInstant(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredAdminSession(rs.getString(1),
                            Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "expires_at"), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Records a use at {@code now}: the session now lasts until {@code expiresAt}. */
    public void touch(String id, Instant now, Instant expiresAt) {
        db.query("extend an admin session", c -> Sql.update(c, TOUCH, now, expiresAt, hash(id), now));
    }

    /** Leaves {@code notice} for the session's next page, in place of any not shown yet. */
    public void leaveNotice(String id, String notice) {
        db.query("leave a session a notice", c -> Sql.update(c, LEAVE_NOTICE, Sql.fit(notice, MAX_NOTICE), hash(id)));
    }

    /** Clears the notice once shown, unless a newer one has replaced it. */
    public void takeNotice(String id, String shown) {
        db.query("clear a session's notice", c -> Sql.update(c, TAKE_NOTICE, hash(id), Sql.fit(shown, MAX_NOTICE)));
    }

    public void delete(String id) {
        db.query("end an admin session", c -> Sql.update(c, DELETE, hash(id)));
    }

    /** base64url of SHA-256: 43 characters. */
    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
