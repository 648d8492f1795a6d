package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tidings.model.Entry;

/** Writes one feed's entries within a caller's transaction, with batched statements. */
final class ArticleWriter {
    /** Enough for every real feed page in one round trip, few enough for any database's parameter limit. */
    private static final int LOOKUP_CHUNK = 200;
    /** Content beyond this many chars is cut; no real article is this long. */
    private static final int MAX_CONTENT = 1_000_000;
    /** A date this far ahead is a publisher's clock or zone error; the article is dated when first seen. */
    private static final Duration MAX_FUTURE = Duration.ofDays(1);

    /** Both statements start with the same nine content columns, bound by {@link #bindContent}. */
    private static final String INSERT = "INSERT INTO articles (url, title, authors, categories, published_at,"
            + " updated_at, summary, content, content_hash, feed_id, guid_hash, guid, first_seen_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE articles SET url = ?, title = ?, authors = ?, categories = ?,"
            + " published_at = COALESCE(?, published_at), updated_at = ?, summary = ?, content = ?, content_hash = ?"
            + " WHERE feed_id = ? AND guid_hash = ?";

    static final Query STORED = Query.of("stored articles of a feed by guid", "SELECT guid_hash, content_hash,"
            + " updated_at FROM articles WHERE feed_id = ? AND guid_hash IN " + Query.LIST, 1L, List.of("a", "b"));
    /**
     * A tombstone's last listing is written again only once it is this old: a feed listing the
     * same old items on every fetch costs one write per tombstone a day, not one per fetch, and a
     * day is nothing beside the month after which housekeeping purges an unlisted tombstone.
     */
    static final Duration RELIST_AFTER = Duration.ofDays(1);

    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    static final Query TOMBSTONES = Query.of("deleted articles of a feed by guid", "SELECT guid_hash, last_listed_at"
            + " FROM deleted_articles WHERE feed_id = ? AND guid_hash IN " + Query.LIST, 1L, List.of("a", "b"));
    /** The date is checked again here: another fetch of the feed may have written it meanwhile. */
    static final Query RELISTED = Query.of("deleted articles listed again", "UPDATE deleted_articles"
            + " SET last_listed_at = ? WHERE feed_id = ? AND guid_hash IN " + Query.LIST + " AND last_listed_at < ?",
            SAMPLE_TIME, 1L, List.of("a", "b"), SAMPLE_TIME);
    /** Kept on write so that counting a feed's articles never reads them. */
    private static final String COUNT_ADDED = "UPDATE feeds SET article_count = article_count + ? WHERE id = ?";

    SaveCounts save(Connection c, long feedId, List<Entry> entries, Instant now) throws SQLException {
        Map<String, Prepared> byGuid = new LinkedHashMap<>();
        for (Entry e : entries) {
            Prepared p = Prepared.of(e);
            byGuid.putIfAbsent(p.guidHash(), p);
        }
        Map<String, Stored> existing = lookup(c, feedId, new ArrayList<>(byGuid.keySet()));
        List<Prepared> inserts = new ArrayList<>();
        List<Prepared> updates = new ArrayList<>();
        for (Prepared p : byGuid.values()) {
            Stored s = existing.get(p.guidHash());
            if (s == null) {
                inserts.add(p);
            } else if (!s.contentHash().equals(p.contentHash()) || isNewer(p.entry().updated(), s.updatedAt())) {
                updates.add(p);
            }
        }
        inserts = withoutDeleted(c, feedId, inserts, now);
        insert(c, feedId, inserts, now);
        update(c, feedId, updates, now);
        return new SaveCounts(inserts.size(), updates.size(), byGuid.size() - inserts.size() - updates.size());
    }

    /**
     * Articles housekeeping deleted stay deleted, though the feed still lists them; their
     * tombstones record that it does, so that housekeeping keeps them as long as it lists them.
     */
    private static List<Prepared> withoutDeleted(Connection c, long feedId, List<Prepared> candidates, Instant now)
            throws SQLException {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<String> deleted = new HashSet<>();
        List<String> stale = new ArrayList<>();
        Instant staleBefore = now.minus(RELIST_AFTER);
        byGuidHash(c, TOMBSTONES, feedId, candidates.stream().map(Prepared::guidHash).toList(), rs -> {
            deleted.add(rs.getString(1));
            if (Sql.instant(rs, "last_listed_at").isBefore(staleBefore)) {
                stale.add(rs.getString(1));
            }
        });
        if (deleted.isEmpty()) {
            return candidates;
        }
        relist(c, feedId, stale, now);
        return candidates.stream().filter(p -> !deleted.contains(p.guidHash())).toList();
    }

    /** In chunks of {@link #LOOKUP_CHUNK}, like the lookups. */
    private static void relist(Connection c, long feedId, List<String> hashes, Instant now) throws SQLException {
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(RELISTED.sql(chunk.size()))) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, feedId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 3, chunk.get(i));
                }
                Sql.setInstant(ps, chunk.size() + 3, now.minus(RELIST_AFTER));
                ps.executeUpdate();
            }
        }
    }

    private static boolean isNewer(Instant candidate, Instant stored) {
        return candidate != null && (stored == null || candidate.isAfter(stored));
    }

    private static Map<String, Stored> lookup(Connection c, long feedId, List<String> hashes) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        byGuidHash(c, STORED, feedId, hashes,
                rs -> found.put(rs.getString(1), new Stored(rs.getString(2), Sql.instant(rs, "updated_at"))));
        return found;
    }

    /**
     * Runs {@code select} for one feed's rows among {@code hashes}, in chunks of {@link #LOOKUP_CHUNK}
     * so that a feed of thousands of entries stays within any database's parameter limit.
     */
    private static void byGuidHash(Connection c, Query select, long feedId, List<String> hashes, Row row)
            throws SQLException {
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(select.sql(chunk.size()))) {
                ps.setLong(1, feedId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    /** Reads one result row. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void insert(Connection c, long feedId, List<Prepared> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Prepared p : rows) {
                Instant published = publishedAt(p.entry(), now);
                bindContent(ps, p, published == null ? now : published);
                ps.setLong(10, feedId);
                ps.setString(11, p.guidHash());
                ps.setString(12, Sql.fit(p.entry().guid(), 2048));
                Sql.setInstant(ps, 13, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(COUNT_ADDED)) {
            ps.setLong(1, rows.size());
            ps.setLong(2, feedId);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, long feedId, List<Prepared> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Prepared p : rows) {
                bindContent(ps, p, publishedAt(p.entry(), now));
                ps.setLong(10, feedId);
                ps.setString(11, p.guidHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bindContent(PreparedStatement ps, Prepared p, Instant published) throws SQLException {
        Entry e = p.entry();
        ps.setString(1, Sql.fit(Sql.text(e.url()), 4096));
        ps.setString(2, Sql.fit(e.title(), 2000));
        ps.setString(3, Sql.fit(p.authors(), 2000));
        ps.setString(4, Sql.fit(p.categories(), 2000));
        Sql.setInstant(ps, 5, published);
        Sql.setInstant(ps, 6, e.updated());
        ps.setString(7, Sql.fit(e.summary(), 2000));
        ps.setBytes(8, ContentCompression.deflate(Sql.fit(e.contentHtml(), MAX_CONTENT)));
        ps.setString(9, p.contentHash());
    }

    /** The feed's published date, else its updated date; null when it gave neither or an absurd one. */
    private static Instant publishedAt(Entry e, Instant now) {
        Instant t = e.published() != null ? e.published() : e.updated();
        return t == null || t.isAfter(now.plus(MAX_FUTURE)) ? null : t;
    }

    /** An entry with its fingerprints and its lists joined as they are stored. */
    private record Prepared(Entry entry, String guidHash, String contentHash, String authors, String categories) {
        static Prepared of(Entry e) {
            String authors = String.join("\n", e.authors());
            String categories = String.join("\n", e.categories());
            String content = Digests.sha256(e.title(), Sql.text(e.url()), e.summary(), e.contentHtml(), authors,
                    categories);
            return new Prepared(e, Digests.sha256(e.guid()), content, authors, categories);
        }
    }

    /** What the database holds for an entry already seen. */
    private record Stored(String contentHash, Instant updatedAt) {
    }
}
