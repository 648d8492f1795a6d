package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Housekeeping of the articles table: articles older than the retention period that no issue
 * contains are deleted. Issue membership keeps an article, because the archive and a resumed
 * issue rely on it. Each deleted article leaves a tombstone (feed and guid hash), so that a feed
 * still listing it does not bring it back as new.
 */
public final class ArticleRetention {
    /**
     * Rows deleted per transaction: ingest and sending go on between batches instead of waiting
     * behind one long delete.
     */
    static final int BATCH = 1000;

    /**
     * One batch of old articles, oldest first. Ordered by first_seen_at so that the index
     * articles_first_seen both finds and orders them, and the read stops at the batch: ordered by
     * id, H2 read every article published before the cutoff (the whole table, in the storage
     * benchmark) and sorted them, for each batch.
     */
    static final String OLDEST = "SELECT a.id FROM articles a WHERE a.first_seen_at < ? AND a.published_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + " ORDER BY a.first_seen_at LIMIT " + BATCH;

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
        int deleted;
        do {
            deleted = db.inTransaction("delete old articles", c -> deleteBatch(c, cutoff, now));
            total += deleted;
        } while (deleted == BATCH && !stopRequested.getAsBoolean());
        if (total > 0) {
            // The deleted rows leave old chunks of the H2 file mostly dead: rewrite their live pages
            // now, so that the next ingest writes into that space rather than at the file's end.
            db.compact();
        }
        return total;
    }

    /** Tombstones first, in the same transaction: a deleted article is never without its tombstone. */
    private static int deleteBatch(Connection c, Instant cutoff, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OLDEST)) {
            Sql.setInstant(ps, 1, cutoff);
            Sql.setInstant(ps, 2, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        String in = " IN (" + "?,".repeat(ids.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deleted_articles (feed_id, guid_hash, deleted_at)"
                + " SELECT a.feed_id, a.guid_hash, ? FROM articles a WHERE a.id" + in + " AND NOT EXISTS (SELECT 1"
                + " FROM deleted_articles d WHERE d.feed_id = a.feed_id AND d.guid_hash = a.guid_hash)")) {
            Sql.setInstant(ps, 1, now);
            bindIds(ps, 2, ids);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id" + in)) {
            bindIds(ps, 1, ids);
            return ps.executeUpdate();
        }
    }

    private static void bindIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(first + i, ids.get(i));
        }
    }
}
