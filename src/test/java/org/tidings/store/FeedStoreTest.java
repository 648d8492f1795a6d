package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

class FeedStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final URI URL = URI.create("https://example.org/feed.xml");

    @TempDir
    Path dir;
    private Database db;
    private FeedStore feeds;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        feeds = new FeedStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addsAFeedOnceByUrl() {
        assertTrue(feeds.addIfAbsent(new NewFeed(URL, null, null, "news"), NOW).isPresent());
        assertTrue(feeds.addIfAbsent(new NewFeed(URL, "Other", null, null), NOW).isEmpty());

        assertEquals(1, feeds.count());
        Feed f = feeds.findByUrl(URL).orElseThrow();
        assertEquals(FeedStatus.ACTIVE, f.status());
        assertEquals("news", f.category());
        assertNull(f.nextFetchAt());
    }

    @Test
    void successStoresValidatorsAndClearsTheError() {
        long id = feeds.addIfAbsent(new NewFeed(URL, null, null, null), NOW).orElseThrow().id();
        feeds.recordFailure(id, new FetchFailure(NOW, "HTTP 500", 3, NOW.plusSeconds(60), FeedStatus.ACTIVE));

        feeds.recordSuccesses(java.util.Map.of(id, new FetchSuccess(NOW, new HttpValidators("\"e1\"", "Tue, 05 Mar 2024 10:00:00 GMT",
                "abc"), "Der Spiegel", URI.create("https://spiegel.de/"), 30, NOW.plusSeconds(3600))));

        Feed f = feeds.find(id).orElseThrow();
        assertNull(f.lastError());
        assertEquals(0, f.errorCount());
        assertEquals("\"e1\"", f.validators().etag());
        assertEquals("abc", f.validators().bodyHash());
        assertEquals("Der Spiegel", f.title());
        assertEquals(NOW.plusSeconds(3600), f.nextFetchAt());
    }

    @Test
    void aBlankTitleAtAddingLeavesTheTitleToTheFeed() {
        // The admin's add form sends its optional title field empty.
        long id = feeds.addIfAbsent(new NewFeed(URL, " ", null, ""), NOW).orElseThrow().id();

        feeds.recordSuccesses(Map.of(id, new FetchSuccess(NOW, null, "Der Spiegel", null, null, NOW)));

        assertEquals("Der Spiegel", feeds.find(id).orElseThrow().title());
        assertNull(feeds.find(id).orElseThrow().category());
    }

    @Test
    void notModifiedKeepsValidatorsAndAdminTitle() {
        long id = feeds.addIfAbsent(new NewFeed(URL, "My title", null, null), NOW).orElseThrow().id();
        feeds.recordSuccesses(java.util.Map.of(id, new FetchSuccess(NOW, new HttpValidators("e", null, "h"), "Feed title", null, null,
                NOW)));

        feeds.recordSuccesses(java.util.Map.of(id, new FetchSuccess(NOW, null, null, null, null, NOW)));

        Feed f = feeds.find(id).orElseThrow();
        assertEquals("e", f.validators().etag());
        assertEquals("My title", f.title());
    }

    @Test
    void dueListsOnlyActiveFeedsWhoseTimeHasCome() {
        long a = feeds.addIfAbsent(new NewFeed(URI.create("https://a.example/f"), null, null, null), NOW).orElseThrow().id();
        long b = feeds.addIfAbsent(new NewFeed(URI.create("https://b.example/f"), null, null, null), NOW).orElseThrow().id();
        long c = feeds.addIfAbsent(new NewFeed(URI.create("https://c.example/f"), null, null, null), NOW).orElseThrow().id();
        feeds.recordFailure(b, new FetchFailure(NOW, "x", 1, NOW.plusSeconds(60), FeedStatus.ACTIVE));
        feeds.markGone(c, NOW);

        List<Feed> due = feeds.due(NOW);

        assertEquals(List.of(a), due.stream().map(Feed::id).toList());
        assertEquals(FeedStatus.GONE, feeds.find(c).orElseThrow().status());
    }

    @Test
    void dueIncludesFailingFeedsButNeverPausedOrGoneOnes() {
        long active = add("https://a.example/f");
        long failing = add("https://b.example/f");
        long paused = add("https://c.example/f");
        long gone = add("https://d.example/f");
        feeds.recordFailure(failing, new FetchFailure(NOW, "HTTP 500", 9, NOW, FeedStatus.FAILING));
        feeds.setStatus(paused, FeedStatus.PAUSED);
        feeds.markGone(gone, NOW);

        assertEquals(List.of(active, failing), feeds.due(NOW).stream().map(Feed::id).sorted().toList());
        assertEquals(2, feeds.countDue(NOW));
        assertEquals(List.of(active, failing), feeds.polled().stream().map(Feed::id).toList());
        assertEquals(Map.of(FeedStatus.ACTIVE, 1L, FeedStatus.FAILING, 1L, FeedStatus.PAUSED, 1L, FeedStatus.GONE, 1L),
                feeds.countByStatus());
    }

    @Test
    void countDueLeavesOutFeedsWhoseTimeHasNotCome() {
        add("https://a.example/f");
        long later = add("https://b.example/f");
        feeds.recordFailure(later, new FetchFailure(NOW, "x", 1, NOW.plusSeconds(60), FeedStatus.ACTIVE));

        assertEquals(1, feeds.countDue(NOW));
        assertEquals(2, feeds.countDue(NOW.plusSeconds(60)));
        assertEquals(Map.of(FeedStatus.ACTIVE, 2L, FeedStatus.FAILING, 0L, FeedStatus.PAUSED, 0L, FeedStatus.GONE, 0L),
                feeds.countByStatus());
    }

    @Test
    void aSuccessMakesAFailingFeedActiveAgain() {
        long id = add("https://a.example/f");
        feeds.recordFailure(id, new FetchFailure(NOW, "HTTP 500", 9, NOW, FeedStatus.FAILING));
        assertEquals(FeedStatus.FAILING, feeds.find(id).orElseThrow().status());

        feeds.recordSuccesses(Map.of(id, new FetchSuccess(NOW, null, null, null, 45, NOW.plusSeconds(3600))));

        Feed f = feeds.find(id).orElseThrow();
        assertEquals(FeedStatus.ACTIVE, f.status());
        assertEquals(45, f.ttlMinutes());
        assertEquals(NOW, f.lastSuccessAt());
        assertEquals(NOW, f.createdAt());
    }

    @Test
    void aFeedPausedDuringItsFetchStaysPaused() {
        long failed = add("https://a.example/f");
        long worked = add("https://b.example/f");
        feeds.setStatus(failed, FeedStatus.PAUSED);
        feeds.setStatus(worked, FeedStatus.PAUSED);

        feeds.recordFailure(failed, new FetchFailure(NOW, "HTTP 500", 9, NOW, FeedStatus.FAILING));
        feeds.recordSuccesses(Map.of(worked, new FetchSuccess(NOW, null, null, null, null, NOW)));

        assertEquals(FeedStatus.PAUSED, feeds.find(failed).orElseThrow().status());
        assertEquals(FeedStatus.PAUSED, feeds.find(worked).orElseThrow().status());
    }

    private long add(String url) {
        return feeds.addIfAbsent(new NewFeed(URI.create(url), null, null, null), NOW).orElseThrow().id();
    }

    @Test
    void moveIsSkippedWhenTheNewUrlBelongsToAnotherFeed() {
        long a = feeds.addIfAbsent(new NewFeed(URI.create("https://a.example/f"), null, null, null), NOW).orElseThrow().id();
        feeds.addIfAbsent(new NewFeed(URI.create("https://b.example/f"), null, null, null), NOW);

        assertFalse(feeds.moveTo(a, URI.create("https://b.example/f")));
        assertTrue(feeds.moveTo(a, URI.create("https://c.example/f")));
        assertEquals(URI.create("https://c.example/f"), feeds.find(a).orElseThrow().url());
    }

    @Test
    void recordsManySuccessesAtOnceKeepingEachFeedsValidators() {
        long a = feeds.addIfAbsent(new NewFeed(URI.create("https://a.example/f"), null, null, null), NOW).orElseThrow().id();
        long b = feeds.addIfAbsent(new NewFeed(URI.create("https://b.example/f"), null, null, null), NOW).orElseThrow().id();
        feeds.recordSuccesses(java.util.Map.of(a, new FetchSuccess(NOW, new HttpValidators("ea", null, "ha"), null, null, null, NOW)));
        feeds.recordFailure(b, new FetchFailure(NOW, "HTTP 500", 2, NOW, FeedStatus.ACTIVE));

        feeds.recordSuccesses(java.util.Map.of(a, new FetchSuccess(NOW, null, null, null, null, NOW.plusSeconds(60)),
                b, new FetchSuccess(NOW, null, null, null, null, NOW.plusSeconds(90))));

        assertEquals("ea", feeds.find(a).orElseThrow().validators().etag());
        assertEquals(NOW.plusSeconds(60), feeds.find(a).orElseThrow().nextFetchAt());
        assertEquals(0, feeds.find(b).orElseThrow().errorCount());
        assertNull(feeds.find(b).orElseThrow().lastError());
    }
}
