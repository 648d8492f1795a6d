package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;

/** Article content stored deflated (V9) reads back exactly, through the real writer and reader. */
class StoredContentTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant T1 = Instant.parse("2024-03-04T08:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private ArticleStore articles;
    private long feedId;

    @BeforeEach
    void open() {
        db = StoreFixture.open(dir);
        articles = new ArticleStore(db);
        feedId = new FeedStore(db).addIfAbsent(new NewFeed(URI.create("https://example.org/feed"), "Le Monde",
                null, "news"), NOW).orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void contentRoundTripsExactly() {
        String accents = "<p>Grève générale — “solidarité” à la Sorbonne, Straße, año</p>";
        String emoji = "<p>🚩✊🏽 𝄞 日本語 👩‍👩‍👧</p>";
        String large = "<p>" + "Gewerkschaft réforme 🚩 ".repeat(4000) + "</p>";
        articles.save(feedId, List.of(StoreFixture.entry("accents", "A", accents, T1),
                StoreFixture.entry("emoji", "B", emoji, T1.plusSeconds(1)),
                StoreFixture.entry("empty", "C", "", T1.plusSeconds(2)),
                StoreFixture.entry("large", "D", large, T1.plusSeconds(3))), NOW);

        List<String> got = articles.newest(new ArticleQuery(null, 10)).stream().map(Article::contentHtml).toList();

        assertEquals(List.of(large, "", emoji, accents), got);
        assertEquals(true, large.length() > 64 * 1024);
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
}
