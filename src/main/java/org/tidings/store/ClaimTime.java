package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The "now" that claims compare due times with and start their leases from. In production it is
 * the database's own time: the nodes' clocks differ, and a lease read against a clock that runs
 * ahead would end early and let a second node fetch the feed. A test or simulation that pins the
 * application's clock pins this too, so that "due" means the same to the claims as to the schedule.
 */
public final class ClaimTime {
    static final Query NOW = Query.of("database time", "SELECT CURRENT_TIMESTAMP");

    /** null for the database's time. */
    private final InstantSource pinned;

    private ClaimTime(InstantSource pinned) {
        this.pinned = pinned;
    }

    public static ClaimTime database() {
        return new ClaimTime(null);
    }

    public static ClaimTime of(InstantSource clock) {
        return new ClaimTime(clock);
    }

    Instant now(Connection c) throws SQLException {
        if (pinned != null) {
            return pinned.instant();
        }
        try (PreparedStatement ps = c.prepareStatement(NOW.sql()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Sql.instant(rs, 1);
        }
    }
}
