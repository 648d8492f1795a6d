package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Article;
import org.tidings.model.Entry;

/** Tombstones live while their feed lists the article, and a month after it stopped. */
class TombstonePurgeTest {
    /** When housekeeping deleted the old articles and left their tombstones. */
    private static final Instant DELETED_AT = Instant.parse("2026-08-01T03:30:00Z");
    private static final Instant LONG_AGO = DELETED_AT.minus(Duration.ofDays(120));
    private static final Instant CUTOFF = DELETED_AT.minus(Duration.ofDays(90));
    private static final Instant A_MONTH_LATER = DELETED_AT.plus(Duration.ofDays(31));

    @TempDir
    Path dir;
    private Database db;
    private ArticleStore articles;
    private TombstonePurge purge;
    private long feed;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        articles = new ArticleStore(db);
        purge = new TombstonePurge(db);
        feed = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://m.example/feed"), "Le Monde", null, null),
                LONG_AGO).orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Entry entry(String guid) {
        return StoreFixture.entry(guid, "Article " + guid, "<p>Grève ✊🏽</p>", LONG_AGO);
    }

    /** Stores the entries long ago and deletes them as housekeeping does at {@code deletedAt}. */
    private void deleted(Instant deletedAt, Entry... entries) {
        articles.save(feed, List.of(entries), LONG_AGO);
        assertEquals(entries.length, new ArticleRetention(db).deleteOlderThan(CUTOFF, deletedAt));
    }

    /** When the feed last listed the article of {@code guid}, as its tombstone says; null without one. */
    private Instant listedAt(String guid) {
        return db.query("read a tombstone", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_listed_at FROM deleted_articles"
                    + " WHERE feed_id = ? AND guid_hash = ?")) {
                ps.setLong(1, feed);
                ps.setString(2, Digests.sha256(guid));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Sql.instant(rs, "last_listed_at") : null;
                }
            }
        });
    }

    private long tombstones() {
        return db.query("count tombstones", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deleted_articles");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> titles() {
        return articles.firstSeenBetween(Instant.EPOCH, A_MONTH_LATER.plus(Duration.ofDays(30))).stream()
                .map(Article::title).sorted().toList();
    }

    @Test
    void purgesATombstoneNotListedFor30DaysAndKeepsOneDeletedRecently() {
        deleted(DELETED_AT, entry("old"));
        deleted(DELETED_AT.plus(Duration.ofDays(10)), entry("recent"));

        long purged = purge.purge(A_MONTH_LATER);

        assertEquals(1, purged);
        assertNull(listedAt("old"));
        assertEquals(DELETED_AT.plus(Duration.ofDays(10)), listedAt("recent"));
    }

    @Test
    void aFeedStillListingADeletedArticleKeepsItsTombstoneAndTheArticleStaysDeleted() {
        deleted(DELETED_AT, entry("old"));
        Instant listed = DELETED_AT.plus(Duration.ofDays(20));
        SaveCounts fetched = articles.save(feed, List.of(entry("old"), StoreFixture.entry("new", "New", "<p>y</p>",
                listed)), listed);

        long purged = purge.purge(A_MONTH_LATER);
        Instant kept = listedAt("old");
        SaveCounts again = articles.save(feed, List.of(entry("old")), A_MONTH_LATER);

        assertEquals(1, fetched.added());
        assertEquals(0, purged);
        assertEquals(listed, kept);
        assertEquals(0, again.added());
        assertEquals(List.of("New"), titles());
    }

    @Test
    void refreshesTheListingAtMostOnceADay() {
        deleted(DELETED_AT, entry("old"));
        Instant firstFetch = DELETED_AT.plus(Duration.ofDays(2));

        articles.save(feed, List.of(entry("old")), firstFetch);
        articles.save(feed, List.of(entry("old")), firstFetch.plus(Duration.ofHours(23)));
        Instant sameDay = listedAt("old");
        articles.save(feed, List.of(entry("old")), firstFetch.plus(Duration.ofHours(25)));

        assertEquals(firstFetch, sameDay);
        assertEquals(firstFetch.plus(Duration.ofHours(25)), listedAt("old"));
    }

    @Test
    void purgesInBatchesUntilNoUnlistedTombstoneIsLeft() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < TombstonePurge.BATCH * 2 + 17; i++) {
            many.add(entry("g" + i));
        }
        deleted(DELETED_AT, many.toArray(Entry[]::new));

        long purged = purge.purge(A_MONTH_LATER);

        assertEquals(TombstonePurge.BATCH * 2 + 17, purged);
        assertEquals(0, tombstones());
        assertEquals(0, purge.purge(A_MONTH_LATER));
    }

    @Test
    void stopsBetweenBatchesWhenAsked() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < TombstonePurge.BATCH + 5; i++) {
            many.add(entry("g" + i));
        }
        deleted(DELETED_AT, many.toArray(Entry[]::new));
        AtomicInteger checks = new AtomicInteger();

        long purged = purge.purge(A_MONTH_LATER, () -> checks.getAndIncrement() > 0);

        assertEquals(TombstonePurge.BATCH, purged);
        assertEquals(5, tombstones());
    }
}
