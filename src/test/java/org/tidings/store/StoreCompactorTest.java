package org.tidings.store;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Article;
import org.tidings.model.Entry;

class StoreCompactorTest {
    @org.junit.jupiter.api.BeforeEach
    void onlyOnH2() {
        assumeFalse(TestDatabase.onPostgres(), "compaction is H2's; PostgreSQL's autovacuum does its own");
    }

    private static final Instant NOW = Instant.parse("2026-11-28T03:30:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(120));

    @TempDir
    Path dir;

    /** RETENTION_TIME=0 lets a test rewrite chunks at once; in use H2 waits 45 s before it may. */
    @Test
    void rewritesChunksThatDeletesLeftSparseAndKeepsEveryLiveRow() {
        try (Database db = TestDatabase.open(dir, ";RETENTION_TIME=0")) {
            ArticleStore articles = new ArticleStore(db);
            long feed = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://m.example/feed"), "M", null,
                    null), LONG_AGO).orElseThrow().id();
            for (int i = 0; i < 40; i++) {
                List<Entry> page = new ArrayList<>();
                for (int j = 0; j < 25; j++) {
                    page.add(StoreFixture.entry("old-" + i + "-" + j, "Old", "<p>" + "Grève ✊🏽 ".repeat(300) + i
                            + "</p>", LONG_AGO));
                }
                articles.save(feed, page, LONG_AGO);
            }
            String kept = "<p>gardée 🚩 " + "x".repeat(5000) + "</p>";
            articles.save(feed, List.of(StoreFixture.entry("new", "New", kept, NOW)), NOW);
            deleteOld(db);

            int passes = db.compact();

            assertTrue(passes > 0, "passes: " + passes);
            assertEquals(List.of(kept), articles.newest(new ArticleQuery(null, 10)).stream()
                    .map(Article::contentHtml).toList());
        }
    }

    /**
     * The kept articles were written last, at the end of the file: rewriting chunks frees space
     * inside the file but cannot shorten it; moving the last chunks into that space can.
     */
    @Test
    void cutsTheFileByMovingItsLastChunksIntoTheSpaceDeletesFreed() throws Exception {
        Path file = dir.resolve("tidings.mv.db");
        try (Database db = TestDatabase.open(dir, ";RETENTION_TIME=0")) {
            ArticleStore articles = new ArticleStore(db);
            long feed = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://m.example/feed"), "M", null,
                    null), LONG_AGO).orElseThrow().id();
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 40; i++) {
                articles.save(feed, page("old-" + i, "Old", random, LONG_AGO), LONG_AGO);
            }
            for (int i = 0; i < 10; i++) {
                articles.save(feed, page("new-" + i, "New", random, NOW), NOW);
            }
            deleteOld(db);
            long before = java.nio.file.Files.size(file);

            db.compact();

            long after = java.nio.file.Files.size(file);
            assertTrue(after < before / 2, "file " + before + " bytes before compacting, " + after + " after");
            assertEquals(250, articles.newest(new ArticleQuery(null, 500)).size());
        }
    }

    /**
     * With H2's own retention time, as in use: chunks that died within the last 45 s still count
     * as used, so the file looks full. A fetch commits once per feed, and each commit writes again
     * the index pages that the previous one wrote, so most of what it wrote is dead by its end. A
     * process that wrote frees those chunks as it closes and leaves the file cut.
     */
    @Test
    void aProcessThatWroteLeavesItsFileCutWhenItCloses() throws Exception {
        Path file = dir.resolve("tidings.mv.db");
        long beforeClose;
        try (Database db = TestDatabase.open(dir)) {
            ArticleStore articles = new ArticleStore(db);
            FeedStore feeds = new FeedStore(db);
            for (int i = 0; i < 300; i++) {
                long feed = feeds.addIfAbsent(new NewFeed(URI.create("https://m" + i + ".example/feed"), "M", null,
                        null), NOW).orElseThrow().id();
                List<Entry> page = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    page.add(StoreFixture.entry("a-" + i + "-" + j, "Grève " + j, "<p>Solidarité " + i + "</p>", NOW));
                }
                articles.save(feed, page, NOW);
            }
            beforeClose = java.nio.file.Files.size(file);
        }

        long afterClose = java.nio.file.Files.size(file);
        assertTrue(afterClose < beforeClose / 2, "file " + beforeClose + " bytes before closing, " + afterClose
                + " after");
        try (Database db = TestDatabase.open(dir)) {
            assertEquals(1500, new ArticleStore(db).newest(new ArticleQuery(null, 2000)).size());
        }
    }

    /** 25 entries of 6 KB of random letters each: content that deflate cannot shrink to nothing. */
    private static List<Entry> page(String prefix, String title, java.util.Random random, Instant published) {
        List<Entry> page = new ArrayList<>();
        for (int j = 0; j < 25; j++) {
            StringBuilder text = new StringBuilder("<p>");
            for (int k = 0; k < 6000; k++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            page.add(StoreFixture.entry(prefix + "-" + j, title, text.append("</p>").toString(), published));
        }
        return page;
    }

    /** As housekeeping does, without its own compaction afterwards. */
    private static void deleteOld(Database db) {
        db.inTransaction("delete", c -> {
            try (java.sql.Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM articles WHERE title = 'Old'");
            }
        });
    }

    @Test
    void doesNothingForAnInMemoryDatabase() {
        try (Database db = Database.open("jdbc:h2:mem:compactor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", dir, 2)) {
            assertEquals(0, db.compact());
        }
    }
}
