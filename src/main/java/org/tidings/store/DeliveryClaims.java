package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.tidings.model.NodeId;

/**
 * An issue's pending deliveries claimed in batches by the node that will send them, with a lease
 * in the database's time, so that several nodes share the sending and none sends a row another
 * holds. A node killed mid-send: its claims lapse when their lease ends, and another node takes
 * them. A lapsed row that the dead node had already handed to SMTP ({@code handed_at}) is in
 * doubt: the message may or may not have gone out.
 *
 * <p>The policy for those is not to send again: a subscriber who gets the same newsletter twice
 * notices, and a mailbox provider counts duplicates against the sender, while one missed issue
 * goes unnoticed and the next one comes. Each is marked failed with the reason, and counted in
 * the claim that found it, so a send's report and the issue's counts show them; at most the
 * messages that node had in flight at the kill (its open connections) are ever in doubt.
 */
public final class DeliveryClaims {
    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * The pages' filter, on deliveries_status, read in its order but without ORDER BY: H2 would sort
     * all of the issue's pending rows for it under FOR UPDATE. Held rows are skipped, not waited for.
     */
    static final Query CLAIM = Query.of("pending deliveries to claim", "SELECT subscriber_id, attempts, claimed_by,"
            + " handed_at FROM deliveries WHERE issue_id = ? AND status = 'pending' AND subscriber_id > ?"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (lease_until IS NULL OR lease_until < ?)"
            + " LIMIT ? FOR UPDATE SKIP LOCKED",
            1L, 0L, SAMPLE_TIME, SAMPLE_TIME, 16);
    /**
     * On an H2 file only one process sends at a time (serve's lock), so a claim held by any other
     * node is a dead process's, lapsed or not: a restart need not wait for its leases.
     */
    static final Query CLAIM_ALONE = Query.of("pending deliveries to claim, sending alone", "SELECT subscriber_id,"
            + " attempts, claimed_by, handed_at FROM deliveries WHERE issue_id = ? AND status = 'pending'"
            + " AND subscriber_id > ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            + " AND (lease_until IS NULL OR lease_until < ? OR claimed_by <> ?)"
            + " LIMIT ? FOR UPDATE SKIP LOCKED",
            1L, 0L, SAMPLE_TIME, SAMPLE_TIME, "host:1:abcde", 16);
    static final Query HOLDERS = Query.of("live claims of an issue by node", "SELECT claimed_by, COUNT(*)"
            + " FROM deliveries WHERE issue_id = ? AND status = 'pending' AND lease_until > CURRENT_TIMESTAMP"
            + " GROUP BY claimed_by", 1L);
    static final Query ANY_PENDING = Query.of("whether an issue has pending deliveries", "SELECT subscriber_id"
            + " FROM deliveries WHERE issue_id = ? AND status = 'pending' LIMIT 1", 1L);
    private static final String TAKE = "UPDATE deliveries SET claimed_by = ?, lease_until = ?"
            + " WHERE issue_id = ? AND subscriber_id = ?";
    private static final String IN_DOUBT = "UPDATE deliveries SET status = 'failed', last_error = ?,"
            + " next_attempt_at = NULL, updated_at = ? WHERE issue_id = ? AND subscriber_id = ?";
    /** Once per claim: a row this node claimed twice (a lapse and a new claim) is still handed over once. */
    private static final String HAND_OVER = "UPDATE deliveries SET handed_at = ? WHERE issue_id = ?"
            + " AND subscriber_id = ? AND claimed_by = ? AND status = 'pending' AND handed_at IS NULL";
    private static final String TAKE_BACK = "UPDATE deliveries SET handed_at = NULL WHERE issue_id = ?"
            + " AND subscriber_id = ? AND claimed_by = ?";
    private static final String RELEASE = "UPDATE deliveries SET claimed_by = NULL, lease_until = NULL"
            + " WHERE issue_id = ? AND claimed_by = ? AND status = 'pending' AND handed_at IS NULL";

    private final Database db;
    private final NodeId owner;
    private final boolean alone;
    private final ClaimTime time = ClaimTime.database();
    /**
     * One send at a time in this process: claims are held in the node's name, and a send that ends
     * releases the node's unstarted claims, which must not be another send's of the same node.
     */
    private final Semaphore sending = new Semaphore(1);

    /** @param alone no other process sends beside this one (an H2 file under serve's lock) */
    public DeliveryClaims(Database db, NodeId owner, boolean alone) {
        this.db = db;
        this.owner = owner;
        this.alone = alone;
    }

    /**
     * What one claim got: the deliveries now this node's to send, and how many lapsed rows it found
     * in doubt (and marked failed).
     */
    public record Claim(List<DeliveryStore.Due> due, int inDoubt, long lastId) {
        public boolean isEmpty() {
            return due.isEmpty() && inDoubt == 0;
        }
    }

    /**
     * Claims up to {@code batchSize} pending deliveries of the issue, by subscriber after
     * {@code afterId}, whose retry time has come by {@code now} and that no live claim holds, for
     * {@code lease} of database time. A pass goes on from the last subscriber it claimed, so it
     * reads past other nodes' claims once, not at every claim.
     *
     * @param now the application's time, which deferred retries were scheduled in
     * @param lease longer than sending the batch can take: a claim that lapses mid-send lets another
     *     node take the rows not yet handed over
     */
    public Claim claim(long issueId, long afterId, int batchSize, Duration lease, Instant now) {
        return db.inTransaction("claim deliveries of issue " + issueId, c -> {
            Instant dbNow = time.now(c);
            List<DeliveryStore.Due> mine = new ArrayList<>();
            List<Lapsed> inDoubt = new ArrayList<>();
            long last = afterId;
            try (PreparedStatement ps = c.prepareStatement(alone ? CLAIM_ALONE.sql() : CLAIM.sql())) {
                int i = 1;
                ps.setLong(i++, issueId);
                ps.setLong(i++, afterId);
                Sql.setInstant(ps, i++, now);
                Sql.setInstant(ps, i++, dbNow);
                if (alone) {
                    ps.setString(i++, owner.value());
                }
                ps.setInt(i, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DeliveryStore.Due due = new DeliveryStore.Due(rs.getLong(1), rs.getInt(2));
                        // Unsorted (H2 sorts every pending row for an ORDER BY with FOR UPDATE): a row
                        // below the cursor that this claim did not return is claimed in the next pass.
                        last = Math.max(last, due.subscriberId());
                        if (rs.getObject(4) != null) {
                            inDoubt.add(new Lapsed(due.subscriberId(), rs.getString(3)));
                        } else {
                            mine.add(due);
                        }
                    }
                }
            }
            take(c, issueId, mine, dbNow.plus(lease).truncatedTo(ChronoUnit.MICROS));
            markInDoubt(c, issueId, inDoubt, now);
            return new Claim(mine, inDoubt.size(), last);
        });
    }

    /** A lapsed claim's row, and the node that held it. */
    private record Lapsed(long subscriberId, String holder) {
    }

    private void take(Connection c, long issueId, List<DeliveryStore.Due> rows, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TAKE)) {
            for (DeliveryStore.Due d : rows) {
                ps.setString(1, owner.value());
                Sql.setInstant(ps, 2, leaseUntil);
                ps.setLong(3, issueId);
                ps.setLong(4, d.subscriberId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void markInDoubt(Connection c, long issueId, List<Lapsed> rows, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IN_DOUBT)) {
            for (Lapsed l : rows) {
                ps.setString(1, "in doubt: node " + l.holder() + " stopped after handing the message to SMTP,"
                        + " before recording the outcome; not sent again");
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, issueId);
                ps.setLong(4, l.subscriberId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Notes that this node is about to hand the message to SMTP.
     *
     * @return false when the row is no longer this node's (its claim lapsed and another node took
     *     it, or it was recorded meanwhile): then it must not be sent
     */
    public boolean handOver(long issueId, long subscriberId, Instant now) {
        return db.inTransaction("hand over delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement(HAND_OVER)) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, issueId);
                ps.setLong(3, subscriberId);
                ps.setString(4, owner.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The message did not leave after all (the server could not be reached): no longer in doubt. */
    public void takeBack(long issueId, long subscriberId) {
        db.inTransaction("take back delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement(TAKE_BACK)) {
                ps.setLong(1, issueId);
                ps.setLong(2, subscriberId);
                ps.setString(3, owner.value());
                return ps.executeUpdate();
            }
        });
    }

    /** Gives back this node's claims it has not started on (a stop), so others need not wait for the lease. */
    public void release(long issueId) {
        db.inTransaction("release claims of issue " + issueId, c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
                ps.setLong(1, issueId);
                ps.setString(2, owner.value());
                return ps.executeUpdate();
            }
        });
    }

    /** How many of the issue's deliveries each node holds under a live claim now, for {@code status}. */
    public java.util.Map<String, Long> holders(long issueId) {
        return db.query("read claims", c -> {
            try (PreparedStatement ps = c.prepareStatement(HOLDERS.sql())) {
                ps.setLong(1, issueId);
                java.util.Map<String, Long> held = new java.util.TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return held;
            }
        });
    }

    /** Whether any delivery of the issue is still pending, held by a claim or not. */
    public boolean anyPending(long issueId) {
        return db.query("look for pending deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement(ANY_PENDING.sql())) {
                ps.setLong(1, issueId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public NodeId owner() {
        return owner;
    }

    /** Waits until no other send of this process is on, then this one is; end it with {@link #endSend}. */
    public void beginSend() throws InterruptedException {
        sending.acquire();
    }

    /** As {@link #beginSend}, but false at once when another send of this process is on. */
    public boolean tryBeginSend() {
        return sending.tryAcquire();
    }

    public void endSend() {
        sending.release();
    }
}
