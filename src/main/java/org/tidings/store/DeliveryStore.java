package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery ledger: one row per issue and subscriber, {@code pending} until it is
 * {@code sent}, {@code failed} (refused for good, or deferred too often) or {@code skipped}
 * (nothing new for this subscriber, or an unusable address).
 */
public final class DeliveryStore {
    private final Database db;

    public DeliveryStore(Database db) {
        this.db = db;
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
            try (PreparedStatement ps = c.prepareStatement("SELECT subscriber_id, attempts FROM deliveries"
                    + " WHERE issue_id = ? AND status = 'pending' AND subscriber_id > ?"
                    + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY subscriber_id LIMIT ?")) {
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
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(next_attempt_at) FROM deliveries WHERE issue_id = ? AND status = 'pending'")) {
                ps.setLong(1, issueId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }

    public void markSent(long issueId, long subscriberId, String messageId, Instant now) {
        update(issueId, subscriberId, "status = 'sent', attempts = attempts + 1, last_error = NULL, message_id = ?,"
                + " next_attempt_at = NULL, updated_at = ?", messageId, now);
    }

    public void markFailed(long issueId, long subscriberId, String error, Instant now) {
        update(issueId, subscriberId, "status = 'failed', attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = NULL, updated_at = ?", Sql.fit(error, 2000), now);
    }

    public void markSkipped(long issueId, long subscriberId, String reason, Instant now) {
        update(issueId, subscriberId, "status = 'skipped', last_error = ?, updated_at = ?", Sql.fit(reason, 2000), now);
    }

    /** A deferral (4xx, dropped connection): stays pending, tried again at {@code retryAt}. */
    public void markDeferred(long issueId, long subscriberId, String error, Instant retryAt, Instant now) {
        db.inTransaction("defer delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET attempts = attempts + 1,"
                    + " last_error = ?, next_attempt_at = ?, updated_at = ? WHERE issue_id = ? AND subscriber_id = ?"
                    + " AND status = 'pending'")) {
                ps.setString(1, Sql.fit(error, 2000));
                Sql.setInstant(ps, 2, retryAt);
                Sql.setInstant(ps, 3, now);
                ps.setLong(4, issueId);
                ps.setLong(5, subscriberId);
                return ps.executeUpdate();
            }
        });
    }

    public DeliveryCounts counts(long issueId) {
        return counts(List.of(issueId)).getOrDefault(issueId, DeliveryCounts.NONE);
    }

    /** The ledgers of several issues in one query (an admin's history of issues). */
    public Map<Long, DeliveryCounts> counts(List<Long> issueIds) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        return db.query("count deliveries", c -> {
            Map<Long, long[]> byIssue = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT issue_id, status, COUNT(*) FROM deliveries"
                    + " WHERE issue_id IN (" + "?,".repeat(issueIds.size() - 1) + "?) GROUP BY issue_id, status")) {
                for (int i = 0; i < issueIds.size(); i++) {
                    ps.setLong(i + 1, issueIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int i = List.of("pending", "sent", "failed", "skipped").indexOf(rs.getString(2));
                        if (i >= 0) {
                            byIssue.computeIfAbsent(rs.getLong(1), id -> new long[4])[i] = rs.getLong(3);
                        }
                    }
                }
            }
            Map<Long, DeliveryCounts> counts = new HashMap<>();
            byIssue.forEach((id, n) -> counts.put(id, new DeliveryCounts(n[0], n[1], n[2], n[3])));
            return counts;
        });
    }

    /** Only a pending row moves: a finished delivery is never overwritten by a late duplicate. */
    private void update(long issueId, long subscriberId, String set, String text, Instant now) {
        db.inTransaction("record delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET " + set
                    + " WHERE issue_id = ? AND subscriber_id = ? AND status = 'pending'")) {
                ps.setString(1, text);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, issueId);
                ps.setLong(4, subscriberId);
                return ps.executeUpdate();
            }
        });
    }
}
