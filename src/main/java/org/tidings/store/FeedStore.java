package org.tidings.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

/** The feeds table: the subscribed feeds and their fetch state. */
public final class FeedStore {
    static final String COLUMNS = "id, url, title, site_url, category, status, etag, last_modified,"
            + " body_hash, last_fetched_at, last_error, error_count, next_fetch_at, ttl_minutes, last_success_at,"
            + " created_at, interval_minutes, failing_since";
    /** Failing feeds are still polled, only less often; paused and gone feeds never are. */
    static final String POLLED = Arrays.stream(FeedStatus.values()).filter(FeedStatus::polled)
            .map(s -> "'" + s.code() + "'").collect(Collectors.joining(", ", "status IN (", ")"));
    /** The status a {@link FeedState} gives the row for the status the row has when it is written. */
    private static final String STATUS_AFTER = Arrays.stream(FeedStatus.values())
            .map(s -> " WHEN '" + s.code() + "' THEN ?")
            .collect(Collectors.joining("", "CASE status", " ELSE status END"));
    static final String DUE = POLLED + " AND (next_fetch_at IS NULL OR next_fetch_at <= ?)";

    static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    static final Query LIST = Query.of("feeds", "SELECT " + COLUMNS + " FROM feeds ORDER BY category, title, id");
    static final Query PAGE = Query.of("a page of feeds", "SELECT " + COLUMNS
            + " FROM feeds WHERE id > ? ORDER BY id LIMIT ?", 0L, 100);
    static final Query DUE_FEEDS = Query.of("due feeds", "SELECT " + COLUMNS + " FROM feeds WHERE " + DUE
            + " ORDER BY next_fetch_at, id", SAMPLE_TIME);
    static final Query COUNT_DUE = Query.of("due feed count", "SELECT COUNT(*) FROM feeds WHERE " + DUE,
            SAMPLE_TIME);
    static final Query POLLED_FEEDS = Query.of("polled feeds", "SELECT " + COLUMNS + " FROM feeds WHERE " + POLLED
            + " ORDER BY id");
    static final Query COUNT = Query.of("feed count", "SELECT COUNT(*) FROM feeds");
    static final Query BY_ID = Query.of("feed by id", "SELECT " + COLUMNS + " FROM feeds WHERE id = ?", 1L);
    static final Query BY_URL = Query.of("feed by URL", "SELECT " + COLUMNS + " FROM feeds WHERE url = ?",
            "https://example.org/feed");
    static final Query BY_STATUS = StatusCounts.query("feeds");
    static final Query WRITE_STATE = Query.of("fetch state of a feed", "UPDATE feeds SET status = " + STATUS_AFTER
            + ", last_fetched_at = ?, last_success_at = ?, last_error = ?, error_count = ?, failing_since = ?,"
            + " next_fetch_at = ?, etag = ?, last_modified = ?, body_hash = ?, title = COALESCE(title, ?),"
            + " site_url = ?, ttl_minutes = ? WHERE id = ?", "active", "active", "paused", "gone", SAMPLE_TIME,
            SAMPLE_TIME, "HTTP 500", 1, SAMPLE_TIME, SAMPLE_TIME, "\"e1\"", "Thu, 01 Jan 2026 00:00:00 GMT", "abc",
            "Title", "https://example.org/", 60, 1L);

    private final Database db;

    public FeedStore(Database db) {
        this.db = db;
    }

    /** Adds the feed unless its URL is already known; returns the new feed, or empty for a duplicate. */
    public Optional<Feed> addIfAbsent(NewFeed f, Instant now) {
        return db.inTransaction("add feed " + f.url(), c -> {
            if (findByUrl(c, f.url()).isPresent()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feeds (url, title, site_url, category, status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, f.url().toString());
                ps.setString(2, Sql.fit(blankToNull(f.title()), 1000));
                ps.setString(3, Sql.text(f.siteUrl()));
                ps.setString(4, Sql.fit(blankToNull(f.category()), 200));
                ps.setString(5, FeedStatus.ACTIVE.code());
                Sql.setInstant(ps, 6, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1));
                }
            }
        });
    }

    public Optional<Feed> find(long id) {
        return db.query("read feed " + id, c -> find(c, id));
    }

    public Optional<Feed> findByUrl(URI url) {
        return db.query("read feed " + url, c -> findByUrl(c, url));
    }

    public List<Feed> list() {
        return select("list feeds", LIST, ps -> { });
    }

    /** Feeds by id, {@code limit} of them after {@code afterId}: the admin's pages. */
    public List<Feed> page(long afterId, int limit) {
        return select("list feeds", PAGE, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
        });
    }

    /** Polled feeds (active or failing) whose next fetch time has come, the longest waiting first. */
    public List<Feed> due(Instant now) {
        return select("list due feeds", DUE_FEEDS, ps -> Sql.setInstant(ps, 1, now));
    }

    /** How many feeds {@link #due} would return. */
    public long countDue(Instant now) {
        return count("count due feeds", COUNT_DUE, ps -> Sql.setInstant(ps, 1, now));
    }

    /** The feeds that are polled at all, active or failing, whether due or not. */
    public List<Feed> polled() {
        return select("list polled feeds", POLLED_FEEDS, ps -> { });
    }

    /** How many feeds have each status; a status no feed has counts 0. */
    public Map<FeedStatus, Long> countByStatus() {
        return db.query("count feeds by status", c -> StatusCounts.of(c, BY_STATUS, FeedStatus.class,
                FeedStatus::fromCode));
    }

    public long count() {
        return count("count feeds", COUNT, ps -> { });
    }

    /** Removes the feed and, by cascade, its articles. */
    public boolean remove(long id) {
        return db.inTransaction("remove feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Writes the state one fetch left the feed in. */
    public void record(long id, FeedState state) {
        db.inTransaction("record fetch of feed " + id, c -> {
            write(c, id, state);
            return null;
        });
    }

    /**
     * Many feeds' states in one transaction: a refetch round is mostly 304s, and one commit per feed
     * (each written to the file at once) would cost more than the requests themselves.
     */
    public void recordAll(Map<Long, FeedState> states) {
        if (states.isEmpty()) {
            return;
        }
        db.inTransaction("record fetches", c -> {
            for (Map.Entry<Long, FeedState> e : states.entrySet()) {
                write(c, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    /** Within the caller's transaction, so that articles and their feed's state commit together. */
    static void write(Connection c, long id, FeedState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WRITE_STATE.sql())) {
            int i = 1;
            for (FeedStatus current : FeedStatus.values()) {
                ps.setString(i++, s.status(current).code());
            }
            Sql.setInstant(ps, i++, s.lastFetchedAt());
            Sql.setInstant(ps, i++, s.lastSuccessAt());
            ps.setString(i++, Sql.fit(s.lastError(), 2000));
            ps.setInt(i++, s.errorCount());
            Sql.setInstant(ps, i++, s.failingSince());
            Sql.setInstant(ps, i++, s.nextFetchAt());
            HttpValidators v = s.validators();
            ps.setString(i++, Sql.fit(v.etag(), 1000));
            ps.setString(i++, Sql.fit(v.lastModified(), 100));
            ps.setString(i++, v.bodyHash());
            ps.setString(i++, Sql.fit(blankToNull(s.feedTitle()), 1000));
            ps.setString(i++, Sql.text(s.siteUrl()));
            ps.setObject(i++, s.ttlMinutes(), Types.INTEGER);
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    /**
     * A permanent redirect: the feed now lives at {@code newUrl}. When another feed already has that
     * URL the move is skipped (both would be the same feed; an admin merges them).
     *
     * @return whether the URL was changed
     */
    public boolean moveTo(long id, URI newUrl) {
        return db.inTransaction("move feed " + id, c -> {
            if (findByUrl(c, newUrl).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET url = ? WHERE id = ?")) {
                ps.setString(1, newUrl.toString());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void setStatus(long id, FeedStatus status) {
        update("set status of feed " + id, "UPDATE feeds SET status = ? WHERE id = ?", ps -> {
            ps.setString(1, status.code());
            ps.setLong(2, id);
        });
    }

    /** An admin's edit: title, category and own interval (each null to clear it). */
    public boolean edit(long id, FeedEdit e) {
        return db.inTransaction("edit feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE feeds SET title = ?, category = ?, interval_minutes = ? WHERE id = ?")) {
                ps.setString(1, Sql.fit(blankToNull(e.title()), 1000));
                ps.setString(2, Sql.fit(blankToNull(e.category()), 200));
                ps.setObject(3, e.intervalMinutes());
                ps.setLong(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private void update(String what, String sql, Binder binder) {
        db.inTransaction(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private long count(String what, Query q, Binder binder) {
        return db.query(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Feed> select(String what, Query q, Binder binder) {
        return db.query(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Feed> feeds = new ArrayList<>();
                    while (rs.next()) {
                        feeds.add(read(rs));
                    }
                    return feeds;
                }
            }
        });
    }

    private static Optional<Feed> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_ID.sql())) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    private static Optional<Feed> findByUrl(Connection c, URI url) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_URL.sql())) {
            ps.setString(1, url.toString());
            return one(ps);
        }
    }

    private static Optional<Feed> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    static Feed read(ResultSet rs) throws SQLException {
        return new Feed(rs.getLong("id"), Sql.uri(rs, "url"), rs.getString("title"), Sql.uri(rs, "site_url"),
                rs.getString("category"), FeedStatus.fromCode(rs.getString("status")),
                new HttpValidators(rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash")),
                Sql.instant(rs, "last_fetched_at"), rs.getString("last_error"), rs.getInt("error_count"),
                Sql.instant(rs, "next_fetch_at"), rs.getObject("ttl_minutes", Integer.class),
                Sql.instant(rs, "last_success_at"), Sql.instant(rs, "created_at"),
                rs.getObject("interval_minutes", Integer.class), Sql.instant(rs, "failing_since"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Binds the parameters of one statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
