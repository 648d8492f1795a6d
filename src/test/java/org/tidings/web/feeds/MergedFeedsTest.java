package org.tidings.web.feeds;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.config.DatabaseUrl;
import org.tidings.model.Entry;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleStore;
import org.tidings.store.Database;
import org.tidings.store.FeedStore;
import org.tidings.store.NewFeed;
import org.tidings.web.cache.Caching;
import org.tidings.web.cache.Rendered;

/** One route group built from its own slice: the stores over a database, no application opened. */
class MergedFeedsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void rendersTheStoredArticlesOnceUntilTheyChange() {
        try (Database db = Database.open(DatabaseUrl.h2File(dir), dir, 2)) {
            FeedStore feeds = new FeedStore(db);
            ArticleStore articles = new ArticleStore(db);
            long feed = feeds.addIfAbsent(new NewFeed(URI.create("https://presse.example/feed"), "Le Monde", null,
                    null), NOW).orElseThrow().id();
            articles.save(feed, List.of(new Entry("g1", URI.create("https://presse.example/greve"),
                    "Grève générale", List.of("Ana Núñez"), NOW.minusSeconds(60), null, "Résumé", "<p>Grève</p>",
                    List.of())), NOW);
            MergedFeeds merged = new MergedFeeds(new FeedParts(articles, new MergedFeedWriter(clock),
                    URI.create("https://tidings.example/"), new Caching(Duration.ofSeconds(1), Duration.ofMinutes(1),
                            clock)));

            Rendered<?> first = merged.get(new FeedKey(MergedFeedFormat.ATOM, null));
            Rendered<?> again = merged.get(new FeedKey(MergedFeedFormat.ATOM, null));

            assertTrue(new String(first.bytes(), StandardCharsets.UTF_8).contains("Grève générale"));
            assertSame(first, again);
        }
    }
}
