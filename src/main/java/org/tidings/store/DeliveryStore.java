package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.model.NodeId;

/**
 * The delivery ledger: one row per issue and subscriber, {@code pending} until it is
 * {@code sent}, {@code failed} (refused for good, or deferred too often) or {@code skipped}
 * (nothing new for this subscriber, or an unusable address).
 */
public final class DeliveryStore {
    private static final java.time.Instant SAMPLE_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z");
    static final Query DUE_PAGE = Query.of("a page of due deliveries", "SELECT subscriber_id, attempts FROM deliveries"
            + " WHERE issue_id = ? AND status = 'pending' AND subscriber_id > ?"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            // The index's own order: with the first two fixed it is the subscriber's, and H2 sees that.
            + " ORDER BY issue_id, status, subscriber_id LIMIT ?",
            1L, 0L, SAMPLE_TIME, 500);
    static final Query NEXT_RETRY = Query.of("next retry of an issue",
            "SELECT MIN(next_attempt_at) FROM deliveries WHERE issue_id = ? AND status = 'pending'", 1L);
    /** A finished issue's counts were stored when it completed. */
    static final Query STORED_COUNTS = Query.of("stored ledger counts", "SELECT id, sent_count, failed_count,"
            + " skipped_count FROM issues WHERE sent_count IS NOT NULL AND id IN " + Query.LIST, List.of(1L, 2L));
    /** An unfinished issue's ledger is counted, in the index on (issue_id, status). */
    static final Query LIVE_COUNTS = Query.of("ledger counts of an unfinished issue", "SELECT status, COUNT(*)"
            + " FROM deliveries WHERE issue_id = ? GROUP BY status", 1L);

    private final Database db;
    /** Rows another node has claimed are not this one's to record (see {@link DeliveryClaims}). */
    private final NodeId owner;

    public DeliveryStore(Database db) {
        this(db, NodeId.self());
    }

    public DeliveryStore(Database db, NodeId owner) {
        this.db = db;
        this.owner = owner;
    }

    /** A pending delivery whose next attempt is due. */
    public record Due(long subscriberId, int attempts) {
    }

    /**
     * Pending deliveries of the issue due at {@code now}, by subscriber id after {@code afterId}:
     * pages keep memory flat however many subscribers there are.
     */
    public List<Due> duePage(long issueId, long afterId, Instant now, int limit) {
        return db.query("read pending deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement(DUE_PAGE.sql())) {
                ps.setLong(1, issueId);
                ps.setLong(2, afterId);
                Sql.setInstant(ps, 3, now);
                ps.setInt(4, limit);
                List<Due> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(rs.getLong(1), rs.getInt(2)));
                    }
                }
                return out;
            }
        });
    }

    /** The earliest retry time among the issue's pending deliveries, or null when none is waiting. */
    public Instant nextRetry(long issueId) {
        return db.query("read next retry", c -> {
            try (PreparedStatement ps = c.prepareStatement(NEXT_RETRY.sql())) {
                ps.setLong(1, issueId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }

    /** Each mark returns whether it recorded: false when the row is not pending, or another node holds it. */
    public boolean markSent(long issueId, long subscriberId, String messageId, Instant now) {
        return update(issueId, subscriberId, "status = 'sent', attempts = attempts + 1, last_error = NULL, message_id = ?,"
                + " next_attempt_at = NULL, updated_at = ?", messageId, now);
    }

    public boolean markFailed(long issueId, long subscriberId, String error, Instant now) {
        return update(issueId, subscriberId, "status = 'failed', attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = NULL, updated_at = ?", Sql.fit(error, 2000), now);
    }

    public boolean markSkipped(long issueId, long subscriberId, String reason, Instant now) {
        return update(issueId, subscriberId, "status = 'skipped', last_error = ?, updated_at = ?", Sql.fit(reason, 2000), now);
    }

    /**
     * A deferral (4xx, dropped connection): stays pending, tried again at {@code retryAt} by
     * whichever node claims it then; the claim is given up, and the message known not delivered.
     */
    public boolean markDeferred(long issueId, long subscriberId, String error, Instant retryAt, Instant now) {
        return db.inTransaction("defer delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET attempts = attempts + 1,"
                    + " last_error = ?, next_attempt_at = ?, updated_at = ?, claimed_by = NULL, lease_until = NULL,"
                    + " handed_at = NULL WHERE issue_id = ? AND subscriber_id = ? AND status = 'pending'"
                    + " AND (claimed_by IS NULL OR claimed_by = ?)")) {
                ps.setString(1, Sql.fit(error, 2000));
                Sql.setInstant(ps, 2, retryAt);
                Sql.setInstant(ps, 3, now);
                ps.setLong(4, issueId);
                ps.setLong(5, subscriberId);
                ps.setString(6, owner.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    public DeliveryCounts counts(long issueId) {
        return counts(List.of(issueId)).getOrDefault(issueId, DeliveryCounts.NONE);
    }

    /**
     * The ledgers of several issues (an admin's history): a finished issue's from its stored
     * counts, an unfinished one's counted, each query bounded by the issues asked for.
     */
    public Map<Long, DeliveryCounts> counts(List<Long> issueIds) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        return db.query("count deliveries", c -> {
            Map<Long, DeliveryCounts> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(STORED_COUNTS.sql(issueIds.size()))) {
                for (int i = 0; i < issueIds.size(); i++) {
                    ps.setLong(i + 1, issueIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), new DeliveryCounts(0, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            for (long id : issueIds) {
                if (!counts.containsKey(id)) {
                    counts.put(id, live(c, id));
                }
            }
            return counts;
        });
    }

    private static DeliveryCounts live(java.sql.Connection c, long issueId) throws java.sql.SQLException {
        long[] n = new long[4];
        try (PreparedStatement ps = c.prepareStatement(LIVE_COUNTS.sql())) {
            ps.setLong(1, issueId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = List.of("pending", "sent", "failed", "skipped").indexOf(rs.getString(1));
                    if (i >= 0) {
                        n[i] = rs.getLong(2);
                    }
                }
            }
        }
        return new DeliveryCounts(n[0], n[1], n[2], n[3]);
    }

    /**
     * Only a pending row moves, and only one no other node holds: a finished delivery is never
     * overwritten by a late duplicate, nor another node's claim by a node whose lease lapsed.
     */
    private boolean update(long issueId, long subscriberId, String set, String text, Instant now) {
        return db.inTransaction("record delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET " + set
                    + " WHERE issue_id = ? AND subscriber_id = ? AND status = 'pending'"
                    + " AND (claimed_by IS NULL OR claimed_by = ?)")) {
                ps.setString(1, text);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, issueId);
                ps.setLong(4, subscriberId);
                ps.setString(5, owner.value());
                return ps.executeUpdate() == 1;
            }
        });
    }
}
