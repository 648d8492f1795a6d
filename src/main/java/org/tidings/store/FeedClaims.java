package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tidings.model.Feed;

/**
 * Due feeds claimed in batches, so that processes sharing the database never fetch a feed twice for
 * the same due time. A claim takes a lease by moving the feed's next fetch time forward in the
 * transaction that selects it; recording the fetch writes the real next time, which ends the lease.
 * A process killed mid-fetch costs one late fetch: its feeds come due again when the lease passes.
 */
public final class FeedClaims {
    /** The order and filter of {@code FeedStore}'s due feeds, on the same index (status, next_fetch_at). */
    static final Query CLAIM = Query.of("due feeds to claim", "SELECT " + FeedStore.COLUMNS + " FROM feeds WHERE "
            + FeedStore.DUE + " ORDER BY next_fetch_at, id LIMIT ? FOR UPDATE SKIP LOCKED", FeedStore.SAMPLE_TIME, 16);
    static final Query LEASE = Query.of("lease of a claimed feed", "UPDATE feeds SET next_fetch_at = ? WHERE id = ?",
            FeedStore.SAMPLE_TIME, 1L);
    /** Only while the lease is still the claim's: a fetch recorded since has written the real time. */
    static final Query GIVE_BACK = Query.of("claimed feed given back", "UPDATE feeds SET next_fetch_at = ?"
            + " WHERE id = ? AND next_fetch_at = ?", FeedStore.SAMPLE_TIME, 1L, FeedStore.SAMPLE_TIME);

    private final Database db;
    private final ClaimTime time;

    public FeedClaims(Database db, ClaimTime time) {
        this.db = db;
        this.time = time;
    }

    /**
     * Up to {@code batchSize} feeds whose next fetch time has come, the longest waiting first, each
     * leased to the caller for {@code lease}; feeds another process is claiming at this moment are
     * skipped, not waited for. Empty when none are due.
     *
     * @param lease longer than fetching the whole batch can take, or a feed is fetched twice
     */
    public ClaimedFeeds claimDue(int batchSize, Duration lease) {
        return db.inTransaction("claim due feeds", c -> {
            Instant now = time.now(c);
            List<Feed> feeds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM.sql())) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        feeds.add(FeedStore.read(rs));
                    }
                }
            }
            // Cut to what the column keeps, so that giveBack finds the lease it wrote.
            Instant leaseUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = c.prepareStatement(LEASE.sql())) {
                for (Feed f : feeds) {
                    Sql.setInstant(ps, 1, leaseUntil);
                    ps.setLong(2, f.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new ClaimedFeeds(feeds, leaseUntil);
        });
    }

    /**
     * Ends the lease of claimed feeds that were not fetched after all (the round was stopped): they
     * are due again at once, not when the lease passes. A feed whose fetch was recorded is left alone.
     */
    public void giveBack(Collection<Feed> feeds, Instant leaseUntil) {
        if (feeds.isEmpty()) {
            return;
        }
        db.inTransaction("give back claimed feeds", c -> {
            try (PreparedStatement ps = c.prepareStatement(GIVE_BACK.sql())) {
                for (Feed f : feeds) {
                    Sql.setInstant(ps, 1, f.nextFetchAt());
                    ps.setLong(2, f.id());
                    Sql.setInstant(ps, 3, leaseUntil);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
