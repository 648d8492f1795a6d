package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Issue;

class ArticleRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:30:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(120));

    @TempDir
    Path dir;
    private Database db;
    private ArticleStore articles;
    private long feed;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        articles = new ArticleStore(db);
        feed = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://m.example/feed"), "Le Monde", null, null),
                LONG_AGO).orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> titles() {
        return articles.firstSeenBetween(Instant.EPOCH, NOW.plusSeconds(1)).stream().map(Article::title).sorted()
                .toList();
    }

    private long idOf(String title) {
        return articles.firstSeenBetween(Instant.EPOCH, NOW.plusSeconds(1)).stream()
                .filter(a -> a.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void deletesOldArticlesButKeepsThoseInAnIssueAndThoseFirstSeenRecently() {
        articles.save(feed, List.of(StoreFixture.entry("old", "Old", "<p>x</p>", LONG_AGO),
                StoreFixture.entry("in-issue", "In an issue", "<p>x</p>", LONG_AGO)), LONG_AGO);
        // A feed added yesterday with a backlog: published long ago, but first seen now.
        articles.save(feed, List.of(StoreFixture.entry("backlog", "Backlog", "<p>x</p>", LONG_AGO)),
                NOW.minus(Duration.ofDays(1)));
        new IssueStore(db).create(new NewIssue(new Issue(0, 1, LONG_AGO.minusSeconds(3600), LONG_AGO, "Issue 1"),
                "<html></html>", List.of(idOf("In an issue"))), LONG_AGO);

        long deleted = new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);

        assertEquals(1, deleted);
        assertEquals(List.of("Backlog", "In an issue"), titles());
    }

    @Test
    void aDeletedArticleTheFeedStillListsDoesNotComeBackAsNew() {
        Entry old = StoreFixture.entry("old", "Old", "<p>x</p>", LONG_AGO);
        articles.save(feed, List.of(old), LONG_AGO);
        new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);

        SaveCounts again = articles.save(feed, List.of(old, StoreFixture.entry("new", "New", "<p>y</p>", NOW)), NOW);

        assertEquals(1, again.added());
        assertEquals(List.of("New"), titles());
    }

    @Test
    void deletesInBatchesUntilNothingOldIsLeft() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < ArticleRetention.BATCH * 2 + 17; i++) {
            many.add(StoreFixture.entry("g" + i, "Article " + i, "<p>x</p>", LONG_AGO));
        }
        articles.save(feed, many, LONG_AGO);

        long deleted = new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);

        assertEquals(ArticleRetention.BATCH * 2 + 17, deleted);
        assertEquals(List.of(), titles());
        assertEquals(0, new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW));
    }

    @Test
    void aBatchOfArticlesKeptByAnIssueDoesNotEndTheRun() {
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < ArticleRetention.BATCH + 5; i++) {
            kept.add(StoreFixture.entry("k" + i, "Kept " + i, "<p>x</p>", LONG_AGO));
        }
        articles.save(feed, kept, LONG_AGO);
        List<Long> keptIds = articles.firstSeenBetween(Instant.EPOCH, NOW).stream().map(Article::id).toList();
        new IssueStore(db).create(new NewIssue(new Issue(0, 1, LONG_AGO.minusSeconds(3600), LONG_AGO, "Issue 1"),
                "<html></html>", keptIds), LONG_AGO);
        // Seen after the kept ones: the cursor must walk past a whole batch of them to get here.
        articles.save(feed, List.of(StoreFixture.entry("old", "Old", "<p>x</p>", LONG_AGO)), LONG_AGO.plusSeconds(60));

        long deleted = new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);

        assertEquals(1, deleted);
        assertEquals(ArticleRetention.BATCH + 5, titles().size());
    }

    @Test
    void theFeedsArticleCountFollowsTheDeletes() {
        articles.save(feed, List.of(StoreFixture.entry("old", "Old", "<p>x</p>", LONG_AGO),
                StoreFixture.entry("older", "Older", "<p>x</p>", LONG_AGO)), LONG_AGO);
        articles.save(feed, List.of(StoreFixture.entry("new", "New", "<p>y</p>", NOW)), NOW);
        long before = articles.countsByFeed().get(feed);

        new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);

        assertEquals(3, before);
        assertEquals(1, articles.countsByFeed().get(feed));
        assertEquals(1, articles.count());
    }

    @Test
    void deletedArticlesLeaveTheRestReadable() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < ArticleRetention.BATCH + 5; i++) {
            many.add(StoreFixture.entry("g" + i, "Article " + i, "<p>Grève " + i + " ✊🏽</p>", LONG_AGO));
        }
        articles.save(feed, many, LONG_AGO);
        articles.save(feed, List.of(StoreFixture.entry("new", "New", "<p>gardée 🚩</p>", NOW)), NOW);

        new ArticleRetention(db).deleteOlderThan(CUTOFF, NOW);
        db.compact();

        assertEquals(List.of("<p>gardée 🚩</p>"), articles.newest(new ArticleQuery(null, 10)).stream()
                .map(Article::contentHtml).toList());
    }
}
