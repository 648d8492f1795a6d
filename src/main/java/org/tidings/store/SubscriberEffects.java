package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** What mail that came back does to a subscriber's row, in the transaction that records it. */
final class SubscriberEffects {
    /** Pending too: a dead address will not confirm either. Whoever unsubscribed keeps saying so. */
    private static final String BOUNCE = "UPDATE subscribers SET status = 'bounced' WHERE id = ?"
            + " AND status IN ('active', 'pending')";
    /**
     * Issue N's soft bounce continues a row that ended at issue N-1 and starts a new one otherwise
     * (an issue delivered in between, or one that was not for them); a second bounce of issue N, or
     * a late one of an older issue, counts nothing.
     */
    private static final String COUNT_SOFT = "UPDATE subscribers SET soft_bounces = CASE WHEN soft_bounce_issue = ?"
            + " THEN soft_bounces + 1 ELSE 1 END, soft_bounce_issue = ? WHERE id = ?"
            + " AND (soft_bounce_issue IS NULL OR soft_bounce_issue < ?)";
    private static final String BOUNCE_AT_LIMIT = "UPDATE subscribers SET status = 'bounced' WHERE id = ?"
            + " AND status = 'active' AND soft_bounces >= ?";
    private static final String COMPLAINED = "UPDATE subscribers SET complained_at = ? WHERE id = ?";
    /**
     * Soft bounces come days after the send was recorded, so this issue's own cannot have arrived
     * yet: whoever received this issue and has no soft bounce counted for the issue before it
     * received that one too without one, and their row is broken. Counted for it, they wait for
     * the next issue, whose bounce continues the row or whose delivery resets it.
     */
    static final Query RESET_SOFT_BOUNCES = Query.of("reset soft bounces after an issue", "UPDATE subscribers"
            + " SET soft_bounces = 0, soft_bounce_issue = NULL WHERE soft_bounces > 0"
            + " AND soft_bounce_issue < (SELECT i.number - 1 FROM issues i WHERE i.id = ?)"
            + " AND EXISTS (SELECT 1 FROM deliveries d"
            + " WHERE d.issue_id = ? AND d.subscriber_id = subscribers.id AND d.status = 'sent')", 1L, 1L);

    private SubscriberEffects() {
    }

    static void bounce(Connection c, long subscriberId) throws SQLException {
        run(c, BOUNCE, subscriberId);
    }

    /** A soft bounce that names no issue cannot be placed in a row, and counts nothing. */
    static void countSoftBounce(Connection c, NewMailEvent e, int limit) throws SQLException {
        if (e.issueNumber() == null) {
            return;
        }
        int issue = e.issueNumber();
        run(c, COUNT_SOFT, issue - 1, issue, e.subscriberId(), issue);
        run(c, BOUNCE_AT_LIMIT, e.subscriberId(), limit);
    }

    /** After an issue is sent: whoever received it with no soft bounce of the issue before has their row broken. */
    static int resetSoftBounces(Connection c, long issueId) throws SQLException {
        return Sql.update(c, RESET_SOFT_BOUNCES, issueId, issueId);
    }

    static void markComplained(Connection c, long subscriberId, Instant now) throws SQLException {
        run(c, COMPLAINED, now, subscriberId);
    }

    private static void run(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, values);
            ps.executeUpdate();
        }
    }
}
