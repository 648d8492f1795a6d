package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.FeedStatus;

class ArticleStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant T1 = Instant.parse("2024-03-04T08:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private ArticleStore articles;
    private long feedId;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        articles = new ArticleStore(db);
        feedId = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://example.org/feed"), "Le Monde",
                null, "news"), NOW).orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void versionChangesWhenAnArticleIsAddedAndNotWhenNothingChanged() {
        ArticlesVersion empty = articles.version();
        articles.save(feedId, List.of(StoreFixture.entry("a", "Grève", "<p>é</p>", T1)), NOW);
        ArticlesVersion one = articles.version();
        articles.save(feedId, List.of(StoreFixture.entry("a", "Grève", "<p>é</p>", T1)), NOW.plusSeconds(60));

        assertEquals(new ArticlesVersion(0, 0), empty);
        assertEquals(1, one.count());
        assertEquals(one, articles.version());
    }

    @Test
    void keepsOneArticleWhenGuidRepeats() {
        Entry e = StoreFixture.entry("a", "Grève générale", "<p>é</p>", T1);

        SaveCounts first = articles.save(feedId, List.of(e, e), NOW);
        SaveCounts again = articles.save(feedId, List.of(e), NOW.plusSeconds(60));

        assertEquals(new SaveCounts(1, 0, 0), first);
        assertEquals(new SaveCounts(0, 0, 1), again);
        assertEquals(1, articles.count());
    }

    @Test
    void updatesChangedArticleInPlaceAndKeepsFirstSeen() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "Draft", "<p>v1</p>", T1)), NOW);

        SaveCounts counts = articles.save(feedId, List.of(StoreFixture.entry("a", "Final “title”", "<p>v2</p>", T1)),
                NOW.plusSeconds(3600));

        assertEquals(new SaveCounts(0, 1, 0), counts);
        Article stored = articles.newest(new ArticleQuery(null, 10)).get(0);
        assertEquals("Final “title”", stored.title());
        assertEquals("<p>v2</p>", stored.contentHtml());
        assertEquals(NOW, stored.firstSeenAt());
        assertEquals(1, articles.count());
    }

    @Test
    void contentRoundTripsExactly() {
        String accents = "<p>Grève générale — “solidarité” à la Sorbonne, Straße, año</p>";
        String emoji = "<p>🚩✊🏽 𝄞 日本語 👩‍👩‍👧</p>";
        String over64k = "<p>" + "Gewerkschaft réforme 🚩 ".repeat(4000) + "</p>"; // 96,007 chars
        articles.save(feedId, List.of(StoreFixture.entry("accents", "A", accents, T1),
                StoreFixture.entry("emoji", "B", emoji, T1.plusSeconds(1)),
                StoreFixture.entry("empty", "C", "", T1.plusSeconds(2)),
                StoreFixture.entry("large", "D", over64k, T1.plusSeconds(3))), NOW);

        List<String> got = articles.newest(new ArticleQuery(null, 10)).stream().map(Article::contentHtml).toList();

        assertEquals(List.of(over64k, "", emoji, accents), got);
    }

    @Test
    void updatedContentReplacesTheStoredContent() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "T", "<p>v1 é</p>", T1)), NOW);
        String v2 = "<p>v2 ✊🏽 " + "x".repeat(70_000) + "</p>";

        SaveCounts changed = articles.save(feedId, List.of(StoreFixture.entry("a", "T", v2, T1)), NOW.plusSeconds(60));
        SaveCounts same = articles.save(feedId, List.of(StoreFixture.entry("a", "T", v2, T1)), NOW.plusSeconds(120));

        assertEquals(new SaveCounts(0, 1, 0), changed);
        assertEquals(new SaveCounts(0, 0, 1), same);
        assertEquals(v2, articles.newest(new ArticleQuery(null, 1)).get(0).contentHtml());
    }

    @Test
    void periodReadLeavesContentOut() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "T", "<p>long body</p>", T1)), NOW);

        List<Article> period = articles.firstSeenBetween(NOW.minusSeconds(1), NOW.plusSeconds(1));

        assertEquals("", period.get(0).contentHtml());
        assertEquals("Summary of T", period.get(0).summary());
    }

    @Test
    void newerUpdatedDateAloneCountsAsAChange() {
        Entry v1 = new Entry("a", null, "T", List.of(), T1, T1, "", "", List.of());
        Entry v2 = new Entry("a", null, "T", List.of(), T1, T1.plusSeconds(60), "", "", List.of());
        articles.save(feedId, List.of(v1), NOW);

        assertEquals(new SaveCounts(0, 1, 0), articles.save(feedId, List.of(v2), NOW));
        assertEquals(new SaveCounts(0, 0, 1), articles.save(feedId, List.of(v1), NOW));
    }

    @Test
    void missingDateFallsBackToFirstSeen() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "Undated", "", null)), NOW);

        assertEquals(NOW, articles.newest(new ArticleQuery(null, 1)).get(0).publishedAt());
    }

    @Test
    void farFutureDateFallsBackToFirstSeen() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "Future", "", Instant.parse("2099-01-01T00:00:00Z"))), NOW);

        assertEquals(NOW, articles.newest(new ArticleQuery(null, 1)).get(0).publishedAt());
    }

    @Test
    void readsNewestFirstWithSourceAuthorsAndCategories() {
        articles.save(feedId, List.of(StoreFixture.entry("old", "Old", "", T1),
                StoreFixture.entry("new", "New", "", T1.plusSeconds(10))), NOW);

        List<Article> got = articles.newest(new ArticleQuery(null, 10));

        assertEquals(List.of("New", "Old"), got.stream().map(Article::title).toList());
        assertEquals("Le Monde", got.get(0).source().title());
        assertEquals(List.of("Ana Núñez"), got.get(0).authors());
        assertEquals(List.of("politics"), got.get(0).categories());
        assertNull(got.get(0).updatedAt());
    }

    @Test
    void filtersByFeedCategoryIgnoringCase() {
        long other = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://example.org/b"), "B", null,
                "Sport"), NOW).orElseThrow().id();
        articles.save(feedId, List.of(StoreFixture.entry("a", "News item", "", T1)), NOW);
        articles.save(other, List.of(StoreFixture.entry("b", "Sport item", "", T1)), NOW);

        List<Article> sport = articles.newest(new ArticleQuery("sport", 10));

        assertEquals(List.of("Sport item"), sport.stream().map(Article::title).toList());
    }

    @Test
    void removingAFeedRemovesItsArticles() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "A", "", T1)), NOW);

        new FeedStore(db).remove(feedId);

        assertEquals(0, articles.count());
    }

    @Test
    void savesArticlesAndRecordsTheFetchInOneTransaction() {
        Map<FeedStatus, FeedStatus> worked = Map.of(FeedStatus.ACTIVE, FeedStatus.ACTIVE, FeedStatus.FAILING,
                FeedStatus.ACTIVE, FeedStatus.PAUSED, FeedStatus.PAUSED, FeedStatus.GONE, FeedStatus.GONE);
        FeedState ok = new FeedState(worked, NOW, NOW, null, 0, null, NOW.plusSeconds(3600),
                new org.tidings.model.HttpValidators("\"v2\"", null, "h2"), "Le Monde", null, null);

        SaveCounts counts = articles.saveFetched(feedId, List.of(StoreFixture.entry("a", "A", "", T1)), ok, NOW);

        assertEquals(new SaveCounts(1, 0, 0), counts);
        org.tidings.model.Feed f = new FeedStore(db).find(feedId).orElseThrow();
        assertEquals("\"v2\"", f.validators().etag());
        assertEquals(NOW.plusSeconds(3600), f.nextFetchAt());
    }

    /**
     * A small category is read per feed and a large one by walking the newest articles of all
     * feeds; both must give the category's newest articles, newest first.
     */
    @Test
    void newestOfACategoryAreTheSameWhicheverWayTheyAreRead() {
        FeedStore feeds = new FeedStore(db);
        List<Long> small = new java.util.ArrayList<>();
        List<Long> large = new java.util.ArrayList<>();
        int largeFeeds = NewestInCategory.PER_FEED_BUDGET / 10 + 1;
        for (int f = 0; f < largeFeeds + 3; f++) {
            String category = f < 3 ? "Science" : "news";
            long id = feeds.addIfAbsent(new NewFeed(URI.create("https://example.org/" + f), "Feed " + f, null,
                    category), NOW).orElseThrow().id();
            List<Entry> entries = new java.util.ArrayList<>();
            for (int a = 0; a < 3; a++) {
                entries.add(StoreFixture.entry(f + "-" + a, "A " + f + "-" + a, "<p>x</p>",
                        T1.minusSeconds(7L * f + 1000L * a)));
            }
            articles.save(id, entries, NOW);
            (f < 3 ? small : large).add(id);
        }

        List<Article> science = articles.newest(new ArticleQuery("science", 4));
        List<Article> news = articles.newest(new ArticleQuery("NEWS", 10));

        assertEquals(expectedNewest(small, 4), science.stream().map(Article::title).toList());
        assertEquals(expectedNewest(large, 10), news.stream().map(Article::title).toList());
        assertEquals(List.of(), articles.newest(new ArticleQuery("nothing", 10)));
    }

    /** The newest by the dates given above, computed here rather than asked of the store. */
    private List<String> expectedNewest(List<Long> feedIds, int limit) {
        return articles.firstSeenBetween(Instant.EPOCH, NOW.plusSeconds(1)).stream()
                .filter(a -> feedIds.contains(a.source().feedId()))
                .sorted(java.util.Comparator.comparing(Article::publishedAt).thenComparing(Article::id).reversed())
                .limit(limit).map(Article::title).toList();
    }

    @Test
    void theFeedsArticleCountIsKeptOnWrite() {
        articles.save(feedId, List.of(StoreFixture.entry("a", "A", "<p>1</p>", T1),
                StoreFixture.entry("b", "B", "<p>2</p>", T1)), NOW);
        articles.save(feedId, List.of(StoreFixture.entry("a", "A edited", "<p>1</p>", T1),
                StoreFixture.entry("c", "C", "<p>3</p>", T1)), NOW.plusSeconds(60));

        assertEquals(3, articles.countsByFeed().get(feedId));
        assertEquals(3, articles.count());
    }

    @Test
    void aPeriodIsReadAtMostSoManyNewestPerFeed() {
        long other = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://example.org/other"), "Other",
                null, null), NOW).orElseThrow().id();
        articles.save(feedId, List.of(StoreFixture.entry("a", "A", "<p>1</p>", T1),
                StoreFixture.entry("b", "B", "<p>2</p>", T1.plusSeconds(60)),
                StoreFixture.entry("c", "C", "<p>3</p>", T1.plusSeconds(120))), NOW);
        articles.save(other, List.of(StoreFixture.entry("d", "D", "<p>4</p>", T1)), NOW);

        List<String> titles = articles.firstSeenBetween(NOW, NOW.plusSeconds(1), new PeriodLimits(2, 300)).stream().map(Article::title)
                .sorted().toList();

        assertEquals(List.of("B", "C", "D"), titles);
    }

    @Test
    void aPeriodIsReadFairlyAcrossFeedsUpToTheIssuesArticleLimit() {
        long other = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://example.org/other"), "Other",
                null, null), NOW).orElseThrow().id();
        articles.save(feedId, List.of(StoreFixture.entry("a1", "A1", "<p>1</p>", T1),
                StoreFixture.entry("a2", "A2", "<p>2</p>", T1.plusSeconds(60)),
                StoreFixture.entry("a3", "A3", "<p>3</p>", T1.plusSeconds(120)),
                StoreFixture.entry("a4", "A4", "<p>4</p>", T1.plusSeconds(180))), NOW);
        articles.save(other, List.of(StoreFixture.entry("b1", "B1", "<p>5</p>", T1.minusSeconds(600)),
                StoreFixture.entry("b2", "B2", "<p>6</p>", T1.minusSeconds(300))), NOW);

        List<String> titles = articles.firstSeenBetween(NOW, NOW.plusSeconds(1), new PeriodLimits(10, 5)).stream()
                .map(Article::title).sorted().toList();

        // Each feed's newest and second newest first, then the newest third: A2 before the older A1.
        assertEquals(List.of("A2", "A3", "A4", "B1", "B2"), titles);
    }
}
