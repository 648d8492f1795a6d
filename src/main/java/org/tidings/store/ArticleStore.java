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
    private static final String COLUMNS = "a.id, a.guid, a.url, a.title, a.authors, a.categories,"
            + " a.published_at, a.updated_at, a.first_seen_at, a.summary, %s,"
            + " f.id AS feed_id, f.title AS feed_title, f.site_url AS feed_site_url, f.url AS feed_url,"
            + " f.category AS feed_category FROM articles a JOIN feeds f ON f.id = a.feed_id";
    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    static final Query NEWEST_IDS = Query.of("newest articles",
            "SELECT id FROM articles ORDER BY published_at DESC, id DESC LIMIT ?", 60);
    static final Query NEWEST_AFTER = Query.of("newest articles after a cursor", "SELECT id, feed_id, published_at"
            // The first condition repeats the cursor as a range that an index can start from.
            + " FROM articles WHERE published_at <= ? AND (published_at < ? OR id < ?)"
            + " ORDER BY published_at DESC, id DESC LIMIT ?", SAMPLE_TIME, SAMPLE_TIME, 1_000_000L, 200);
    static final Query NEWEST_OF_FEED = Query.of("newest articles of a feed", "SELECT id, published_at"
            + " FROM articles WHERE feed_id = ? ORDER BY feed_id, published_at DESC, id DESC LIMIT ?", 1L, 50);
    static final Query FEEDS_IN_CATEGORY = Query.of("feeds of a category",
            "SELECT id FROM feeds WHERE LOWER(category) = LOWER(?)", "news");
    static final Query BY_IDS = Query.of("articles by id",
            "SELECT " + COLUMNS.formatted("a.content") + " WHERE a.id IN " + Query.LIST, List.of(1L, 2L, 3L));
    static final Query IDS_FIRST_SEEN_BETWEEN = Query.of("articles of an issue's period",
            "SELECT id, feed_id, published_at FROM articles WHERE first_seen_at >= ? AND first_seen_at < ?",
            SAMPLE_TIME, SAMPLE_TIME.plusSeconds(7 * 86_400));
    static final Query SUMMARIES_BY_IDS = Query.of("articles by id without content",
            "SELECT " + COLUMNS.formatted("'' AS content") + " WHERE a.id IN " + Query.LIST, List.of(1L, 2L, 3L));
    static final Query COUNTS_BY_FEED = Query.of("article counts of feeds", "SELECT id, article_count FROM feeds");
    static final Query COUNTS_SINCE = Query.of("recent article counts of feeds",
            "SELECT feed_id, COUNT(*) FROM articles WHERE first_seen_at >= ? GROUP BY feed_id", SAMPLE_TIME);
    static final Query FIRST_SEEN_SINCE = Query.of("recent article times",
            "SELECT first_seen_at FROM articles WHERE first_seen_at >= ?", SAMPLE_TIME);
    static final Query VERSION = Query.of("articles version", "SELECT (SELECT COALESCE(SUM(article_count), 0)"
            + " FROM feeds), (SELECT COALESCE(MAX(id), 0) FROM articles)");

    private static final int ID_CHUNK = 500;

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
    public SaveCounts saveFetched(long feedId, List<Entry> entries, FeedState state, Instant now) {
        return db.inTransactionRetryingConflict("store articles of feed " + feedId, c -> {
            SaveCounts counts = entries.isEmpty() ? SaveCounts.NONE : writer.save(c, feedId, entries, now);
            FeedStore.write(c, feedId, state);
            return counts;
        });
    }

    /**
     * The newest articles, by published date. The ids come first from the index that matches the
     * order (the database stops after the limit), then the rows of just those ids: sorting rows
     * with their content would read and sort the whole table.
     */
    public List<Article> newest(ArticleQuery q) {
        return db.query("read newest articles", c -> {
            List<Long> ids = q.category() == null ? ids(c, NEWEST_IDS, q.limit())
                    : NewestInCategory.ids(c, q.category(), q.limit());
            return inOrder(ids, byIds(c, BY_IDS, ids));
        });
    }

    private static List<Long> ids(Connection c, Query q, Object... parameters) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** In chunks, so that a busy period stays within any database's parameter limit. */
    private static List<Article> byIds(Connection c, Query q, List<Long> ids) throws SQLException {
        List<Article> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(q.sql(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                out.addAll(readAll(ps));
            }
        }
        return out;
    }

    private static List<Article> inOrder(List<Long> ids, List<Article> rows) {
        Map<Long, Article> byId = new HashMap<>();
        rows.forEach(a -> byId.put(a.id(), a));
        List<Article> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            Article a = byId.get(id);
            // Deleted between the two reads (housekeeping, a removed feed): left out.
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Articles first seen in [from, to), in no particular order, for an issue of the newsletter:
     * without their content HTML (the digest shows summaries), so that a busy week stays small in
     * memory. The ids come from the index on first_seen_at, so the read is bounded by the period,
     * not by the table, whichever join order a database would choose.
     */
    public List<Article> firstSeenBetween(Instant from, Instant to) {
        return firstSeenBetween(from, to, PeriodLimits.NONE);
    }

    /**
     * As {@link #firstSeenBetween(Instant, Instant)}, only what an issue takes within {@code limits}:
     * the period's ids, feeds and dates are read to choose, and only the chosen rows whole, however
     * busy the period was.
     */
    public List<Article> firstSeenBetween(Instant from, Instant to, PeriodLimits limits) {
        return db.query("read articles of the period", c -> {
            List<PeriodRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(IDS_FIRST_SEEN_BETWEEN.sql())) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PeriodRow(rs.getLong(1), rs.getLong(2), Sql.instant(rs, "published_at")));
                    }
                }
            }
            return byIds(c, SUMMARIES_BY_IDS, PeriodRow.chosen(rows, limits));
        });
    }

    /** Number of stored articles per feed id, from the counters kept on write. */
    public Map<Long, Long> countsByFeed() {
        return db.query("count articles", c -> {
            Map<Long, Long> counts = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COUNTS_BY_FEED.sql())) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Number of articles per feed id first seen since {@code since}: the admin's articles per week. */
    public Map<Long, Long> countsByFeedSince(Instant since) {
        return db.query("count recent articles", c -> {
            Map<Long, Long> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(COUNTS_SINCE.sql())) {
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
    public List<Instant> firstSeenTimesSince(Instant since) {
        return db.query("read recent article times", c -> {
            List<Instant> times = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FIRST_SEEN_SINCE.sql())) {
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

    /**
     * Both values stay cheap however many articles are stored: the count is the feeds' counters,
     * the highest id the end of the primary key.
     */
    public ArticlesVersion version() {
        return db.query("read the articles version", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(VERSION.sql())) {
                rs.next();
                return new ArticlesVersion(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    /** From the feeds' counters, not a count of the table (PostgreSQL would scan it). */
    public long count() {
        return version().count();
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
