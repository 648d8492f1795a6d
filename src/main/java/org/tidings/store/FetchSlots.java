package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fetch_slots table: at most {@code perHost} requests open to one host from every process on
 * the database together. A fetch takes a free slot of its host before its request and releases it
 * after: one short statement each. A slot's lease ends on its own when its holder was killed.
 *
 * <p>Times are the database's, like the feed claims': the processes' clocks differ.
 */
public final class FetchSlots {
    /** The slot is free, or its holder's lease has passed. */
    static final Query TAKE = Query.of("free slot of a host", "UPDATE fetch_slots SET holder = ?,"
            + " lease_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '0.001' SECOND"
            + " WHERE host = ? AND slot = ? AND (holder IS NULL OR lease_until < CURRENT_TIMESTAMP)",
            "h", 1000, "example.org", 0);
    static final Query RELEASE = Query.of("held slot of a host", "UPDATE fetch_slots SET holder = NULL"
            + " WHERE host = ? AND slot = ? AND holder = ?", "example.org", 0, "h");
    private static final String ADD = "INSERT INTO fetch_slots (host, slot, holder, lease_until)"
            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '0.001' SECOND)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final int perHost;
    private final Duration lease;
    /** Slots known to have their row: rows are never deleted, so none needs an INSERT again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** @param lease longer than a fetch can take, or a slow fetch's slot is taken over while it runs */
    public FetchSlots(Database db, int perHost, Duration lease) {
        this.db = db;
        this.perHost = perHost;
        this.lease = lease;
    }

    public int perHost() {
        return perHost;
    }

    /** A free slot of the host's, now held by the caller; empty while all are held. */
    public Optional<HostSlot> take(String host) {
        String fitted = Sql.fit(host, 255);
        HostSlot wanted = new HostSlot(fitted, 0, UUID.randomUUID().toString());
        return db.query("take a request slot of " + host, c -> {
            for (int slot = 0; slot < perHost; slot++) {
                HostSlot s = new HostSlot(fitted, slot, wanted.holder());
                if (update(c, s) || add(c, s)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        });
    }

    public void release(HostSlot s) {
        db.query("release a request slot of " + s.host(), c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE.sql())) {
                ps.setString(1, s.host());
                ps.setInt(2, s.slot());
                ps.setString(3, s.holder());
                return ps.executeUpdate();
            }
        });
    }

    private boolean update(Connection c, HostSlot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TAKE.sql())) {
            ps.setString(1, s.holder());
            ps.setLong(2, lease.toMillis());
            ps.setString(3, s.host());
            ps.setInt(4, s.slot());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The slot's first use, by any process: the INSERT is the taking. When another process made
     * the row first, the database refuses ours (portable, unlike ON CONFLICT) and the slot is held.
     */
    private boolean add(Connection c, HostSlot s) throws SQLException {
        String key = s.slot() + " " + s.host();
        if (known.contains(key)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            ps.setString(1, s.host());
            ps.setInt(2, s.slot());
            ps.setString(3, s.holder());
            ps.setLong(4, lease.toMillis());
            ps.executeUpdate();
            known.add(key);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            known.add(key);
            return false;
        }
    }
}
