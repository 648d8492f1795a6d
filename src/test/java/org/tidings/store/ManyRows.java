package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * Fills a migrated database with many rows fast, through JDBC batches: volume for query plans,
 * not realism. Articles are spread over a year of first-seen and published times, subscribers
 * over every status, tombstones of deleted articles over a year of listing times, and every issue
 * has a ledger row per subscriber.
 */
final class ManyRows {
    static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = 365L * 86_400;
    private static final int BATCH = 2_000;
    private static final String[] CATEGORIES = {"news", "opinion", "science", "culture", null};
    private static final String[] STATUSES = {"active", "active", "active", "pending", "unsubscribed", "bounced"};

    private ManyRows() {
    }

    /** Sizes of what {@link #fill} writes. */
    record Sizes(int feeds, int articles, int subscribers, int issues, int tombstones) {
    }

    static void fill(Database db, Sizes n) {
        db.query("fill", c -> {
            c.setAutoCommit(false);
            insert(c, "INSERT INTO feeds (id, url, title, category, status, created_at, article_count)"
                    + " VALUES (?, ?, ?, ?, 'active', ?, ?)", n.feeds(), i -> new Object[] {i,
                        "https://feeds" + (i % 50) + ".example.org/" + i, "Feed " + i,
                        CATEGORIES[(int) (i % CATEGORIES.length)], YEAR_END, (long) n.articles() / n.feeds()});
            insert(c, "INSERT INTO articles (id, feed_id, guid_hash, guid, url, title, authors, categories,"
                    + " published_at, first_seen_at, summary, content, content_hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, 'summary', X'00', 'h')", n.articles(), i -> {
                        Instant seen = YEAR_END.minusSeconds(YEAR_SECONDS * (n.articles() - i) / n.articles());
                        return new Object[] {i, 1 + i % n.feeds(), "g" + i, "guid-" + i,
                            "https://example.org/a/" + i, "Article " + i, seen.minusSeconds(i % 7_200), seen};
                    });
            insert(c, "INSERT INTO deleted_articles (feed_id, guid_hash, deleted_at, last_listed_at)"
                    + " VALUES (?, ?, ?, ?)", n.tombstones(), i -> {
                        Instant listed = YEAR_END.minusSeconds(YEAR_SECONDS * (n.tombstones() - i) / n.tombstones());
                        return new Object[] {1 + i % n.feeds(), "d" + i, listed, listed};
                    });
            insert(c, "INSERT INTO subscribers (id, email, status, categories, token, created_at)"
                    + " VALUES (?, ?, ?, '', ?, ?)", n.subscribers(), i -> new Object[] {i,
                        "reader" + i + "@example" + (i % 97) + ".org", STATUSES[(int) (i % STATUSES.length)],
                        "token" + i, YEAR_END});
            insert(c, "INSERT INTO issues (id, number, period_start, period_end, subject, status, web_html,"
                    + " created_at) VALUES (?, ?, ?, ?, 'Issue', 'sent', '<p>issue</p>', ?)", n.issues(),
                    i -> new Object[] {i, (int) i, YEAR_END, YEAR_END, YEAR_END});
            insert(c, "INSERT INTO deliveries (issue_id, subscriber_id, status, attempts) VALUES (?, ?, ?, 1)",
                    n.issues() * n.subscribers(), i -> new Object[] {1 + (i - 1) / n.subscribers(),
                        1 + (i - 1) % n.subscribers(), i % 50 == 0 ? "pending" : "sent"});
            insert(c, "INSERT INTO issue_articles (issue_id, article_id) VALUES (?, ?)", n.issues() * 100,
                    i -> new Object[] {1 + (i - 1) / 100, i * 7});
            // Our own ids were given: the identity columns go on after them.
            for (String table : new String[] {"feeds", "articles", "subscribers", "issues"}) {
                try (var st = c.createStatement()) {
                    st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH 10000000");
                }
            }
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            c.commit();
            return null;
        });
    }

    private static void insert(Connection c, String sql, long rows, LongFunction<Object[]> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long i = 1; i <= rows; i++) {
                Object[] values = row.apply(i);
                for (int p = 0; p < values.length; p++) {
                    if (values[p] instanceof Instant t) {
                        Sql.setInstant(ps, p + 1, t);
                    } else {
                        ps.setObject(p + 1, values[p]);
                    }
                }
                ps.addBatch();
                if (i % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
    }
}
