package org.tidings.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Housekeeping of the articles table: articles older than the retention period that no issue
 * contains are deleted. Issue membership keeps an article, because the archive and a resumed
 * issue rely on it.
 */
public final class ArticleRetention {
    /**
     * Rows deleted per transaction: ingest and sending go on between batches instead of waiting
     * behind one long delete.
     */
    static final int BATCH = 1000;

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
    public long deleteOlderThan(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = db.inTransaction("delete old articles", c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id IN ("
                        + "SELECT a.id FROM articles a WHERE a.first_seen_at < ? AND a.published_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
                        + " ORDER BY a.id LIMIT " + BATCH + ")")) {
                    Sql.setInstant(ps, 1, cutoff);
                    Sql.setInstant(ps, 2, cutoff);
                    return ps.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
