package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.model.InboundKind;

/**
 * The mail_events table: bounces, complaints and unsubscribes by mail, each recorded with what it
 * does to its subscriber in one transaction, so that a report is acted on exactly once: a report
 * whose key was recorded before changes nothing, and one whose transaction failed is left whole
 * for the next reading.
 */
public final class MailEventStore {
    static final Query SEEN = Query.of("mail event by report key", "SELECT id FROM mail_events WHERE report_key = ?",
            "0123abcd");
    static final Query OF_SUBSCRIBER = Query.of("newest mail events of a subscriber", "SELECT e.kind, i.number,"
            + " e.status, e.diagnostic, e.created_at FROM mail_events e LEFT JOIN issues i ON i.id = e.issue_id"
            + " WHERE e.subscriber_id = ? ORDER BY e.subscriber_id, e.created_at DESC, e.id DESC LIMIT ?", 1L, 50);
    static final Query PER_ISSUE = Query.of("mail events of issues by kind", "SELECT issue_id, kind, COUNT(*)"
            + " FROM mail_events WHERE issue_id IN " + Query.LIST + " GROUP BY issue_id, kind", List.of(1L, 2L));
    static final Query TOTALS = Query.of("mail events by kind", "SELECT kind, total FROM mail_event_totals");
    private static final String INSERT = "INSERT INTO mail_events (subscriber_id, issue_id, kind, status,"
            + " diagnostic, report_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COUNT = "UPDATE mail_event_totals SET total = total + 1 WHERE kind = ?";

    private final Database db;

    public MailEventStore(Database db) {
        this.db = db;
    }

    /** One event as the admin sees it. @param issueNumber null when it names no issue */
    public record MailEvent(InboundKind kind, Integer issueNumber, String status, String diagnostic, Instant at) {
    }

    /** A message read and left alone (not a report, or naming no one we sent to): only counted. */
    public void countIgnored() {
        db.inTransaction("count an ignored message", c -> {
            try (PreparedStatement ps = c.prepareStatement(COUNT)) {
                ps.setString(1, "other");
                return ps.executeUpdate();
            }
        });
    }

    /** A failed delivery for good: bounced at once (unless they left already), and suppressed. */
    public boolean hardBounce(NewMailEvent e, Instant now) {
        return record(InboundKind.HARD_BOUNCE, e, now, c -> {
            SubscriberEffects.bounce(c, e.subscriberId());
            Suppressions.add(c, e.subscriberId(), InboundKind.HARD_BOUNCE, now);
        });
    }

    /** A failure for now: counted once per issue, and {@code limit} issues in a row make them bounced. */
    public boolean softBounce(NewMailEvent e, int limit, Instant now) {
        return record(InboundKind.SOFT_BOUNCE, e, now, c -> SubscriberEffects.countSoftBounce(c, e, limit));
    }

    /** "This is spam": unsubscribed, marked as complained, suppressed. */
    public boolean complaint(NewMailEvent e, Instant now) {
        return record(InboundKind.COMPLAINT, e, now, c -> {
            SubscriberStore.unsubscribe(c, e.subscriberId(), now);
            SubscriberEffects.markComplained(c, e.subscriberId(), now);
            Suppressions.add(c, e.subscriberId(), InboundKind.COMPLAINT, now);
        });
    }

    /** A message to the List-Unsubscribe mailto address: as the one-click link does. */
    public boolean unsubscribe(NewMailEvent e, Instant now) {
        return record(InboundKind.UNSUBSCRIBE, e, now, c -> SubscriberStore.unsubscribe(c, e.subscriberId(), now));
    }

    /** The subscriber's newest events first, at most {@code limit}. */
    public List<MailEvent> ofSubscriber(long subscriberId, int limit) {
        return db.query("read mail events of subscriber " + subscriberId, c -> {
            List<MailEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OF_SUBSCRIBER.sql())) {
                Sql.bind(ps, subscriberId, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int number = rs.getInt(2);
                        Integer issue = rs.wasNull() ? null : number;
                        out.add(new MailEvent(Suppressions.kind(rs.getString(1)), issue, rs.getString(3),
                                rs.getString(4), Sql.instant(rs, 5)));
                    }
                }
            }
            return out;
        });
    }

    /** Counts by kind of these issues (the ones a page shows); an issue without events is left out. */
    public Map<Long, MailEventCounts> perIssue(List<Long> issueIds) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        return db.query("count mail events of issues", c -> {
            Map<Long, long[]> n = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PER_ISSUE.sql(issueIds.size()))) {
                Sql.bind(ps, issueIds.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int i = List.of("hard_bounce", "soft_bounce", "complaint").indexOf(rs.getString(2));
                        if (i >= 0) {
                            n.computeIfAbsent(rs.getLong(1), id -> new long[3])[i] = rs.getLong(3);
                        }
                    }
                }
            }
            Map<Long, MailEventCounts> counts = new HashMap<>();
            n.forEach((id, k) -> counts.put(id, new MailEventCounts(k[0], k[1], k[2])));
            return counts;
        });
    }

    /** Events recorded by kind since the database began; OTHER counts the messages left alone, never stored. */
    public Map<InboundKind, Long> totals() {
        return db.query("count mail events", c -> {
            Map<InboundKind, Long> totals = new EnumMap<>(InboundKind.class);
            try (PreparedStatement ps = c.prepareStatement(TOTALS.sql()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.put(Suppressions.kind(rs.getString(1)), rs.getLong(2));
                }
            }
            return totals;
        });
    }

    /** What an event does to its subscriber, in the event's transaction. */
    @FunctionalInterface
    private interface Effect {
        void apply(Connection c) throws SQLException;
    }

    /** Two readers of the same report at once: the loser's insert breaks the key, and its retry sees the winner's. */
    private boolean record(InboundKind kind, NewMailEvent e, Instant now, Effect effect) {
        return db.inTransactionRetryingConflict("record " + Suppressions.code(kind) + " of subscriber "
                + e.subscriberId(), c -> {
                    if (seen(c, e.reportKey())) {
                        return false;
                    }
                    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                        Sql.bind(ps, e.subscriberId(), e.issueId(), Suppressions.code(kind), Sql.fit(e.status(), 16),
                                Sql.fit(e.diagnostic(), 500), e.reportKey(), now);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(COUNT)) {
                        Sql.bind(ps, Suppressions.code(kind));
                        ps.executeUpdate();
                    }
                    effect.apply(c);
                    return true;
                });
    }

    private static boolean seen(Connection c, String reportKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SEEN.sql())) {
            ps.setString(1, reportKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
