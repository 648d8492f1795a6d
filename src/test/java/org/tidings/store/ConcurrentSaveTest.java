package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Entry;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

/**
 * Two runs storing the same feed at once (the refresh job and an admin's "fetch now", or serve
 * and a fetch by hand) must both succeed: the one that loses the race on the unique key retries
 * and finds the articles stored, instead of failing its whole run. The race is staged, not hoped
 * for: the other run commits the first article just as this one inserts it.
 */
class ConcurrentSaveTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private ArticleStore articles;
    private FeedStore feeds;
    private long feed;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        articles = new ArticleStore(db);
        feeds = new FeedStore(db);
        feed = feeds.addIfAbsent(new NewFeed(URI.create("https://f.example/feed"), "F", null, null), NOW)
                .orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theRunThatLosesTheRaceOnTheUniqueKeyRetriesAndAddsOnlyWhatTheWinnerDidNot() {
        List<Entry> entries = entries(30);
        OtherRunCommitsFirst.beforeNextInsertInto(db, "articles",
                () -> articles.save(feed, List.of(entries.get(0)), NOW));

        SaveCounts counts = articles.save(feed, entries, NOW);

        assertEquals(1, OtherRunCommitsFirst.races());
        // Only a second attempt, reading what the winner committed, can find one article already stored.
        assertEquals(new SaveCounts(29, 0, 1), counts);
        assertEquals(30, storedArticles());
        assertEquals(30L, articles.countsByFeed().get(feed), "the failed attempt's count was rolled back");
    }

    @Test
    void aFetchThatLosesTheRaceStillRecordsTheFetchWithItsArticles() {
        List<Entry> entries = entries(5);
        Instant nextFetch = NOW.plus(Duration.ofHours(1));
        FeedState success = new FeedState(Map.of(FeedStatus.ACTIVE, FeedStatus.ACTIVE, FeedStatus.FAILING,
                FeedStatus.ACTIVE, FeedStatus.PAUSED, FeedStatus.PAUSED, FeedStatus.GONE, FeedStatus.GONE), NOW, NOW,
                null, 0, null, nextFetch, new HttpValidators("\"v2\"", null, null), "Le Monde", null, null);
        OtherRunCommitsFirst.beforeNextInsertInto(db, "articles",
                () -> articles.save(feed, List.of(entries.get(0)), NOW));

        SaveCounts counts = articles.saveFetched(feed, entries, success, NOW);

        Feed stored = feeds.find(feed).orElseThrow();
        assertEquals(1, OtherRunCommitsFirst.races());
        assertEquals(new SaveCounts(4, 0, 1), counts);
        assertEquals(5, storedArticles());
        assertEquals(nextFetch, stored.nextFetchAt());
        assertEquals("\"v2\"", stored.validators().etag());
    }

    private static List<Entry> entries(int count) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(StoreFixture.entry("g" + i, "Article " + i, "<p>x</p>", NOW));
        }
        return entries;
    }

    private long storedArticles() {
        return articles.firstSeenBetween(NOW.minusSeconds(1), NOW.plusSeconds(1)).stream()
                .filter(a -> a.source().feedId() == feed).count();
    }
}
