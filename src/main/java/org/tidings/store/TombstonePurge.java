package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Housekeeping of the tombstones that deleted articles leave (see {@link ArticleRetention}): a
 * tombstone is needed only while its feed still lists the article, which ingest records on it
 * ({@code last_listed_at}), so one no feed has listed for {@link #UNLISTED_FOR} is purged.
 */
public final class TombstonePurge {
    /**
     * A feed lists its recent items; once it has not listed one for 30 days it will not list it
     * again. Kept for good instead, a year of tombstones at 2,000 feeds would grow without bound,
     * and with them the data folder.
     */
    static final Duration UNLISTED_FOR = Duration.ofDays(30);
    /** Rows purged per transaction, as for articles: ingest goes on between batches. */
    static final int BATCH = 1000;

    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** The oldest listings first, off the index on last_listed_at. */
    static final Query UNLISTED = Query.of("tombstones no feed lists", "SELECT feed_id, guid_hash"
            + " FROM deleted_articles WHERE last_listed_at < ? ORDER BY last_listed_at LIMIT " + BATCH, SAMPLE_TIME);
    /** The date is checked again: a fetch may have listed the article since the batch was read. */
    static final Query PURGE = Query.of("purge a tombstone", "DELETE FROM deleted_articles"
            + " WHERE feed_id = ? AND guid_hash = ? AND last_listed_at < ?", 1L, "a", SAMPLE_TIME);

    private final Database db;

    public TombstonePurge(Database db) {
        this.db = db;
    }

    /** @return how many tombstones were purged */
    public long purge(Instant now) {
        return purge(now, () -> false);
    }

    /**
     * @param stopRequested checked before each batch, the first too: after a stop that came while
     *     housekeeping deleted articles, no batch of tombstones is begun
     * @return how many tombstones were purged
     */
    public long purge(Instant now, BooleanSupplier stopRequested) {
        Instant cutoff = now.minus(UNLISTED_FOR);
        long total = 0;
        while (!stopRequested.getAsBoolean()) {
            Batch batch = db.inTransaction("purge tombstones", c -> purgeBatch(c, cutoff));
            total += batch.purged();
            if (batch.read() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            // As after deleting articles: the next ingest writes into the freed space, not at the file's end.
            db.compact();
        }
        return total;
    }

    /** What one batch read, and how many of those were still unlisted when deleted. */
    private record Batch(int read, int purged) {
    }

    private record Key(long feedId, String guidHash) {
    }

    private static Batch purgeBatch(Connection c, Instant cutoff) throws SQLException {
        List<Key> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UNLISTED.sql())) {
            Sql.setInstant(ps, 1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        if (keys.isEmpty()) {
            return new Batch(0, 0);
        }
        int purged = 0;
        try (PreparedStatement ps = c.prepareStatement(PURGE.sql())) {
            for (Key k : keys) {
                ps.setLong(1, k.feedId());
                ps.setString(2, k.guidHash());
                Sql.setInstant(ps, 3, cutoff);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                purged += Math.max(n, 0);
            }
        }
        return new Batch(keys.size(), purged);
    }
}
