package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;

/**
 * Two runs storing the same feed at once (the refresh job and an admin's "fetch now", or serve
 * and a fetch by hand) must both succeed: the one that loses the race on the unique key retries
 * and finds the articles stored, instead of failing its whole run.
 */
class ConcurrentSaveTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void twoRunsStoringTheSameNewArticlesAtOnceBothSucceedAndStoreEachOnce() throws Exception {
        Database db = StoreFixture.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ArticleStore articles = new ArticleStore(db);
            FeedStore feeds = new FeedStore(db);
            for (int round = 0; round < 20; round++) {
                long feed = feeds.addIfAbsent(new NewFeed(URI.create("https://f" + round + ".example/feed"), "F", null,
                        null), NOW).orElseThrow().id();
                List<Entry> entries = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    entries.add(StoreFixture.entry("g" + i, "Article " + i, "<p>x</p>", NOW));
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<SaveCounts>> runs = new ArrayList<>();
                for (int run = 0; run < 2; run++) {
                    runs.add(pool.submit(() -> {
                        together.await();
                        return articles.save(feed, entries, NOW);
                    }));
                }
                int added = 0;
                for (Future<SaveCounts> r : runs) {
                    added += r.get().added();
                }

                assertEquals(30, added, "round " + round);
                assertEquals(30, articles.firstSeenBetween(NOW.minusSeconds(1), NOW.plusSeconds(1)).stream()
                        .filter(a -> a.source().feedId() == feed).count(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
            db.close();
        }
    }
}
