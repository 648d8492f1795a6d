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
        feeds.record(id, failed(3, NOW.plusSeconds(60), FeedStatus.ACTIVE));

        feeds.record(id, new FeedState(WORKED, NOW, NOW, null, 0, null, NOW.plusSeconds(3600),
                new HttpValidators("\"e1\"", "Tue, 05 Mar 2024 10:00:00 GMT", "abc"), "Der Spiegel",
                URI.create("https://spiegel.de/"), 30));

        Feed f = feeds.find(id).orElseThrow();
        assertNull(f.lastError());
        assertEquals(0, f.errorCount());
        assertEquals("\"e1\"", f.validators().etag());
        assertEquals("abc", f.validators().bodyHash());
        assertEquals("Der Spiegel", f.title());
        assertEquals(URI.create("https://spiegel.de/"), f.siteUrl());
        assertEquals(30, f.ttlMinutes());
        assertEquals(NOW, f.lastSuccessAt());
        assertEquals(NOW.plusSeconds(3600), f.nextFetchAt());
    }

    @Test
    void aBlankTitleAtAddingLeavesTheTitleToTheFeed() {
        // The admin's add form sends its optional title field empty.
        long id = feeds.addIfAbsent(new NewFeed(URL, " ", null, ""), NOW).orElseThrow().id();

        feeds.record(id, worked(HttpValidators.NONE, "Der Spiegel", NOW));

        assertEquals("Der Spiegel", feeds.find(id).orElseThrow().title());
        assertNull(feeds.find(id).orElseThrow().category());
    }

    @Test
    void anAdminsTitleWinsOverTheFeedsOwn() {
        long id = feeds.addIfAbsent(new NewFeed(URL, "My title", null, null), NOW).orElseThrow().id();

        feeds.record(id, worked(new HttpValidators("e", null, "h"), "Feed title", NOW));

        Feed f = feeds.find(id).orElseThrow();
        assertEquals("e", f.validators().etag());
        assertEquals("My title", f.title());
    }

    @Test
    void dueListsOnlyActiveFeedsWhoseTimeHasCome() {
        long a = feeds.addIfAbsent(new NewFeed(URI.create("https://a.example/f"), null, null, null), NOW).orElseThrow().id();
        long b = feeds.addIfAbsent(new NewFeed(URI.create("https://b.example/f"), null, null, null), NOW).orElseThrow().id();
        long c = feeds.addIfAbsent(new NewFeed(URI.create("https://c.example/f"), null, null, null), NOW).orElseThrow().id();
        feeds.record(b, failed(1, NOW.plusSeconds(60), FeedStatus.ACTIVE));
        feeds.record(c, GONE);

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
        feeds.record(failing, failed(9, NOW, FeedStatus.FAILING));
        feeds.setStatus(paused, FeedStatus.PAUSED);
        feeds.record(gone, GONE);

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
        feeds.record(later, failed(1, NOW.plusSeconds(60), FeedStatus.ACTIVE));

        assertEquals(1, feeds.countDue(NOW));
        assertEquals(2, feeds.countDue(NOW.plusSeconds(60)));
        assertEquals(Map.of(FeedStatus.ACTIVE, 2L, FeedStatus.FAILING, 0L, FeedStatus.PAUSED, 0L, FeedStatus.GONE, 0L),
                feeds.countByStatus());
    }

    @Test
    void writesTheStatusGivenForTheStatusTheFeedHasWhenWritten() {
        long id = add("https://a.example/f");
        feeds.record(id, failed(9, NOW, FeedStatus.FAILING));
        assertEquals(FeedStatus.FAILING, feeds.find(id).orElseThrow().status());

        feeds.record(id, worked(HttpValidators.NONE, null, NOW.plusSeconds(3600)));

        Feed f = feeds.find(id).orElseThrow();
        assertEquals(FeedStatus.ACTIVE, f.status());
        assertEquals(0, f.errorCount());
        assertNull(f.failingSince());
        assertEquals(NOW, f.lastSuccessAt());
        assertEquals(NOW, f.createdAt());
    }

    @Test
    void aFeedPausedDuringItsFetchStaysPaused() {
        long failed = add("https://a.example/f");
        long worked = add("https://b.example/f");
        feeds.setStatus(failed, FeedStatus.PAUSED);
        feeds.setStatus(worked, FeedStatus.PAUSED);

        feeds.record(failed, failed(9, NOW, FeedStatus.FAILING));
        feeds.recordAll(Map.of(worked, worked(HttpValidators.NONE, null, NOW)));

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
        feeds.record(b, failed(2, NOW, FeedStatus.ACTIVE));

        feeds.recordAll(Map.of(a, worked(new HttpValidators("ea", null, "ha"), null, NOW.plusSeconds(60)),
                b, worked(new HttpValidators("eb", null, "hb"), null, NOW.plusSeconds(90))));

        assertEquals("ea", feeds.find(a).orElseThrow().validators().etag());
        assertEquals("eb", feeds.find(b).orElseThrow().validators().etag());
        assertEquals(NOW.plusSeconds(60), feeds.find(a).orElseThrow().nextFetchAt());
        assertEquals(0, feeds.find(b).orElseThrow().errorCount());
        assertNull(feeds.find(b).orElseThrow().lastError());
    }

    /** As a fetch that worked leaves a feed: a failing one is active again, a paused or gone one stays so. */
    private static final Map<FeedStatus, FeedStatus> WORKED = Map.of(FeedStatus.ACTIVE, FeedStatus.ACTIVE,
            FeedStatus.FAILING, FeedStatus.ACTIVE, FeedStatus.PAUSED, FeedStatus.PAUSED,
            FeedStatus.GONE, FeedStatus.GONE);
    private static final FeedState GONE = new FeedState(Map.of(FeedStatus.ACTIVE, FeedStatus.GONE, FeedStatus.FAILING,
            FeedStatus.GONE, FeedStatus.PAUSED, FeedStatus.GONE, FeedStatus.GONE, FeedStatus.GONE), NOW, null,
            "HTTP 410 Gone", 0, null, null, HttpValidators.NONE, null, null, null);

    private static FeedState worked(HttpValidators validators, String title, Instant next) {
        return new FeedState(WORKED, NOW, NOW, null, 0, null, next, validators, title, null, null);
    }

    /** As a failed fetch leaves a feed: a polled one gets {@code polled}, a paused or gone one keeps its status. */
    private static FeedState failed(int errorCount, Instant next, FeedStatus polled) {
        return new FeedState(Map.of(FeedStatus.ACTIVE, polled, FeedStatus.FAILING, polled, FeedStatus.PAUSED,
                FeedStatus.PAUSED, FeedStatus.GONE, FeedStatus.GONE), NOW, null, "HTTP 500", errorCount, NOW, next,
                HttpValidators.NONE, null, null, null);
    }
}
