package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Housekeeping of the articles table: articles older than the retention period that no issue
 * contains are deleted. Issue membership keeps an article, because the archive and a resumed
 * issue rely on it. Each deleted article leaves a tombstone (feed and guid hash), so that a feed
 * still listing it does not bring it back as new; {@link TombstonePurge} removes it once no feed
 * lists the article any more.
 */
public final class ArticleRetention {
    /**
     * Rows deleted per transaction: ingest and sending go on between batches instead of waiting
     * behind one long delete.
     */
    static final int BATCH = 1000;

    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** Old rows in the order of the index on (first_seen_at, id), after the cursor. */
    static final Query OLD = Query.of("articles past retention", "SELECT a.id, a.feed_id, a.first_seen_at,"
            + " CASE WHEN a.published_at < ? AND NOT EXISTS (SELECT 1 FROM issue_articles ia"
            + " WHERE ia.article_id = a.id) THEN TRUE ELSE FALSE END AS deletable FROM articles a"
            // The cursor again as a range (first_seen_at >= ?), which an index can start from.
            + " WHERE a.first_seen_at < ? AND a.first_seen_at >= ? AND (a.first_seen_at > ? OR a.id > ?)"
            + " ORDER BY a.first_seen_at, a.id LIMIT " + BATCH,
            SAMPLE_TIME, SAMPLE_TIME, Instant.EPOCH, Instant.EPOCH, 0L);
    /** Deleted now, and listed now as far as we know: the article was in its feed until lately. */
    static final Query TOMBSTONE = Query.of("tombstones of deleted articles", "INSERT INTO deleted_articles"
            + " (feed_id, guid_hash, deleted_at, last_listed_at) SELECT a.feed_id, a.guid_hash, ?, ? FROM articles a"
            + " WHERE a.id IN " + Query.LIST + " AND NOT EXISTS (SELECT 1 FROM deleted_articles d"
            + " WHERE d.feed_id = a.feed_id AND d.guid_hash = a.guid_hash)", SAMPLE_TIME, SAMPLE_TIME, List.of(1L, 2L));
    static final Query DELETE = Query.of("delete articles", "DELETE FROM articles WHERE id IN " + Query.LIST,
            List.of(1L, 2L));
    private static final String UNCOUNT = "UPDATE feeds SET article_count = article_count - ? WHERE id = ?";

    private final Database db;

    public ArticleRetention(Database db) {
        this.db = db;
    }

    /**
     * Both dates must be old: an article published long ago but first seen yesterday (a feed just
     * added) stays for the whole period, like any other.
     *
     * @return how many articles were deleted
     */
    public long deleteOlderThan(Instant cutoff, Instant now) {
        return deleteOlderThan(cutoff, now, () -> false);
    }

    /** @param stopRequested checked between batches: a stop waits for one batch at most */
    public long deleteOlderThan(Instant cutoff, Instant now, BooleanSupplier stopRequested) {
        long total = 0;
        Batch batch = new Batch(0, 0, Instant.EPOCH, 0);
        do {
            Batch after = batch;
            batch = db.inTransaction("delete old articles", c -> deleteBatch(c, cutoff, now, after));
            total += batch.deleted();
        } while (batch.read() == BATCH && !stopRequested.getAsBoolean());
        if (total > 0) {
            // The deleted rows leave old chunks of the H2 file mostly dead: rewrite their live pages
            // now, so that the next ingest writes into that space rather than at the file's end.
            db.compact();
        }
        return total;
    }

    /**
     * What one batch read and deleted, and where it stopped. Articles kept because an issue
     * contains them are passed over for good by this cursor (first seen, id): the next batch reads
     * new rows instead of those again.
     */
    private record Batch(int read, int deleted, Instant lastSeen, long lastId) {
    }

    /** Tombstones first, in the same transaction: a deleted article is never without its tombstone. */
    private static Batch deleteBatch(Connection c, Instant cutoff, Instant now, Batch after) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Map<Long, Long> perFeed = new HashMap<>();
        Instant lastSeen = after.lastSeen();
        long lastId = after.lastId();
        int read = 0;
        try (PreparedStatement ps = c.prepareStatement(OLD.sql())) {
            Sql.setInstant(ps, 1, cutoff);
            Sql.setInstant(ps, 2, cutoff);
            Sql.setInstant(ps, 3, lastSeen);
            Sql.setInstant(ps, 4, lastSeen);
            ps.setLong(5, lastId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read++;
                    lastId = rs.getLong("id");
                    lastSeen = Sql.instant(rs, "first_seen_at");
                    if (rs.getBoolean("deletable")) {
                        ids.add(lastId);
                        perFeed.merge(rs.getLong("feed_id"), 1L, Long::sum);
                    }
                }
            }
        }
        if (!ids.isEmpty()) {
            delete(c, ids, now);
            uncount(c, perFeed);
        }
        return new Batch(read, ids.size(), lastSeen, lastId);
    }

    private static void delete(Connection c, List<Long> ids, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOMBSTONE.sql(ids.size()))) {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now);
            bindIds(ps, 3, ids);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(DELETE.sql(ids.size()))) {
            bindIds(ps, 1, ids);
            ps.executeUpdate();
        }
    }

    /** The feeds' article counters follow the deletes, in the same transaction. */
    private static void uncount(Connection c, Map<Long, Long> perFeed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNCOUNT)) {
            for (Map.Entry<Long, Long> e : perFeed.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bindIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(first + i, ids.get(i));
        }
    }
}
