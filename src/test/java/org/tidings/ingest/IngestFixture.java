package org.tidings.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.tidings.TestClock;
import org.tidings.TestDatabase;
import org.tidings.config.FetchConfig;
import org.tidings.fetch.FeedFetcher;
import org.tidings.model.Feed;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleStore;
import org.tidings.store.Database;
import org.tidings.store.FeedStore;
import org.tidings.store.FetchSlots;
import org.tidings.store.NewFeed;

/**
 * Real parts for ingest tests: H2 with the migrations, the real fetcher and parser, a clock the test
 * moves, and no jitter (every draw is the middle of the range), so next fetch times are exact.
 */
final class IngestFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");

    final Database db;
    final FeedFetcher fetcher;
    final TestClock clock = new TestClock(NOW);
    final IngestParts parts;

    IngestFixture(Path dir, FetchConfig fetch) {
        db = TestDatabase.open(dir);
        fetcher = new FeedFetcher(fetch, clock);
        parts = new IngestParts(fetcher, new FeedParser(), new FeedStore(db), new ArticleStore(db),
                new FetchSchedule(fetch, clock, () -> 0.5), clock, IngestTelemetry.NONE);
    }

    IngestFixture(Path dir) {
        this(dir, FetchConfig.defaults());
    }

    static String rss(String title, String... itemTitles) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>" + title + "</title><link>https://example.org/</link><description>d</description>");
        for (int i = 0; i < itemTitles.length; i++) {
            sb.append("<item><title>").append(itemTitles[i]).append("</title><link>https://example.org/a").append(i)
                    .append("</link><guid>").append(title).append('-').append(i)
                    .append("</guid><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>"
                            + "<description>&lt;p&gt;Texte intégral&lt;/p&gt;</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    Feed add(URI url) {
        return parts.feeds().addIfAbsent(new NewFeed(url, null, null, null), clock.instant()).orElseThrow();
    }

    Feed reload(Feed f) {
        return parts.feeds().find(f.id()).orElseThrow();
    }

    IngestRun run() {
        return new IngestRun(new FeedIngester(parts), 4, new FetchSlots(db, 2, Duration.ofMinutes(1)));
    }

    @Override
    public void close() {
        fetcher.close();
        db.close();
    }
}
