package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Source;

/** The articles table: inserts new entries, updates changed ones, reads the newest. */
public final class ArticleStore {
    private static final String SELECT = "SELECT a.id, a.guid, a.url, a.title, a.authors, a.categories,"
            + " a.published_at, a.updated_at, a.first_seen_at, a.summary, a.content,"
            + " f.id AS feed_id, f.title AS feed_title, f.site_url AS feed_site_url, f.url AS feed_url,"
            + " f.category AS feed_category FROM articles a JOIN feeds f ON f.id = a.feed_id";

    private final Database db;
    private final ArticleWriter writer = new ArticleWriter();

    public ArticleStore(Database db) {
        this.db = db;
    }

    /**
     * Stores one feed's entries in one transaction: new ones inserted, changed ones (title, content,
     * link, authors, categories, or a newer updated date) updated in place, the rest left alone.
     * An entry repeated within the document is kept once (the first).
     */
    public SaveCounts save(long feedId, List<Entry> entries, Instant now) {
        if (entries.isEmpty()) {
            return SaveCounts.NONE;
        }
        return db.inTransactionRetryingConflict("store articles of feed " + feedId,
                c -> writer.save(c, feedId, entries, now));
    }

    /**
     * Stores a fetched feed's entries and records the fetch on the feed in one transaction: one
     * commit per feed, and never articles without the state that says they were fetched.
     */
    public SaveCounts saveFetched(long feedId, List<Entry> entries, FetchSuccess success, Instant now) {
        return db.inTransactionRetryingConflict("store articles of feed " + feedId, c -> {
            SaveCounts counts = entries.isEmpty() ? SaveCounts.NONE : writer.save(c, feedId, entries, now);
            FeedStore.writeSuccess(c, feedId, success);
            return counts;
        });
    }

    /** The newest articles, by published date. */
    public List<Article> newest(ArticleQuery q) {
        String sql = SELECT + (q.category() == null ? "" : " WHERE LOWER(f.category) = LOWER(?)")
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT ?";
        return db.query("read newest articles", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (q.category() != null) {
                    ps.setString(i++, q.category());
                }
                ps.setInt(i, q.limit());
                return readAll(ps);
            }
        });
    }

    /**
     * Articles first seen in [from, to), for an issue of the newsletter, without their content
     * HTML (the digest shows summaries), so that a busy week stays small in memory.
     */
    public List<Article> firstSeenBetween(java.time.Instant from, java.time.Instant to) {
        String sql = SELECT.replace("a.summary, a.content,", "a.summary, '' AS content,")
                + " WHERE a.first_seen_at >= ? AND a.first_seen_at < ? ORDER BY a.published_at DESC, a.id DESC";
        return db.query("read articles of the period", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                return readAll(ps);
            }
        });
    }

    /** Number of stored articles per feed id. */
    public Map<Long, Long> countsByFeed() {
        return db.query("count articles", c -> {
            Map<Long, Long> counts = new HashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT feed_id, COUNT(*) FROM articles GROUP BY feed_id")) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Number of articles per feed id first seen since {@code since}: the admin's articles per week. */
    public Map<Long, Long> countsByFeedSince(java.time.Instant since) {
        return db.query("count recent articles", c -> {
            Map<Long, Long> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feed_id, COUNT(*) FROM articles WHERE first_seen_at >= ? GROUP BY feed_id")) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * When each article first seen since {@code since} was seen. The caller counts them per day in
     * its own time zone, which SQL could only do with a different function on H2 and PostgreSQL.
     */
    public List<java.time.Instant> firstSeenTimesSince(java.time.Instant since) {
        return db.query("read recent article times", c -> {
            List<java.time.Instant> times = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT first_seen_at FROM articles WHERE first_seen_at >= ?")) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        times.add(Sql.instant(rs, "first_seen_at"));
                    }
                }
            }
            return times;
        });
    }

    /** Both values come from the primary key alone, so this stays fast however many articles are stored. */
    public ArticlesVersion version() {
        return db.query("read the articles version", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM articles")) {
                rs.next();
                return new ArticlesVersion(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    public long count() {
        return db.query("count articles", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<Article> readAll(PreparedStatement ps) throws SQLException {
        List<Article> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static Article read(ResultSet rs) throws SQLException {
        Source source = new Source(rs.getLong("feed_id"), rs.getString("feed_title"), Sql.uri(rs, "feed_site_url"),
                Sql.uri(rs, "feed_url"), rs.getString("feed_category"));
        return new Article(rs.getLong("id"), source, rs.getString("guid"), Sql.uri(rs, "url"), rs.getString("title"),
                lines(rs.getString("authors")), Sql.instant(rs, "published_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "first_seen_at"), rs.getString("summary"),
                ContentCompression.inflate(rs.getBytes("content")),
                lines(rs.getString("categories")));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

}
