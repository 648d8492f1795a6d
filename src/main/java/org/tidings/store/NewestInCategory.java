package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of the newest articles of one category's feeds. No single index orders the articles of
 * a set of feeds, and both engines answer {@code feed_id IN (...) ORDER BY published_at} by reading
 * every article of those feeds and sorting them. So: a small category takes each feed's newest
 * from the index on (feed_id, published_at, id), at most feeds x limit rows; a large one walks the
 * newest articles of all feeds in pages and keeps its own, which costs about limit / its share.
 */
final class NewestInCategory {
    /** Rows that the per-feed way may read at most; past that a category is large enough to walk. */
    static final int PER_FEED_BUDGET = 2_000;
    private static final int WALK_PAGE = 500;

    private NewestInCategory() {
    }

    static List<Long> ids(Connection c, String category, int limit) throws SQLException {
        Set<Long> feeds = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(ArticleStore.FEEDS_IN_CATEGORY.sql())) {
            ps.setString(1, category);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    feeds.add(rs.getLong(1));
                }
            }
        }
        if (feeds.isEmpty()) {
            return List.of();
        }
        return (long) feeds.size() * limit <= PER_FEED_BUDGET ? perFeed(c, feeds, limit) : walk(c, feeds, limit);
    }

    private record Row(long id, Instant publishedAt) {
    }

    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(Row::publishedAt)
            .thenComparingLong(Row::id).reversed();

    private static List<Long> perFeed(Connection c, Set<Long> feeds, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ArticleStore.NEWEST_OF_FEED.sql())) {
            for (long feed : feeds) {
                ps.setLong(1, feed);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), Sql.instant(rs, "published_at")));
                    }
                }
            }
        }
        return rows.stream().sorted(NEWEST_FIRST).limit(limit).map(Row::id).toList();
    }

    private static List<Long> walk(Connection c, Set<Long> feeds, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Instant before = Instant.parse("9999-12-31T00:00:00Z");
        long beforeId = Long.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement(ArticleStore.NEWEST_AFTER.sql())) {
            while (true) {
                Sql.setInstant(ps, 1, before);
                Sql.setInstant(ps, 2, before);
                ps.setLong(3, beforeId);
                ps.setInt(4, WALK_PAGE);
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        beforeId = rs.getLong(1);
                        before = Sql.instant(rs, "published_at");
                        if (feeds.contains(rs.getLong(2))) {
                            ids.add(beforeId);
                            if (ids.size() == limit) {
                                return ids;
                            }
                        }
                    }
                }
                if (read < WALK_PAGE) {
                    return ids;
                }
            }
        }
    }
}
