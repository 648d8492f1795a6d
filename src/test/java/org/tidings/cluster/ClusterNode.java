package org.tidings.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.tidings.TestDatabase;
import org.tidings.config.FetchConfig;
import org.tidings.fetch.FeedFetcher;
import org.tidings.ingest.ClaimPolicy;
import org.tidings.ingest.FeedIngester;
import org.tidings.ingest.FetchSchedule;
import org.tidings.ingest.IngestParts;
import org.tidings.ingest.IngestRun;
import org.tidings.ingest.IngestTelemetry;
import org.tidings.ingest.RefreshRound;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleStore;
import org.tidings.store.ClaimTime;
import org.tidings.store.Database;
import org.tidings.store.FeedClaims;
import org.tidings.store.FeedStore;
import org.tidings.store.FetchSlots;

/**
 * One "node" of a cluster inside the test's JVM: its own connection pool on the database of the
 * test's folder (the same H2 file or PostgreSQL database for every node), its own fetcher and its
 * own ingest parts, on the real clock and the database's time, as serve runs them.
 */
final class ClusterNode implements AutoCloseable {
    final Database db;
    final FeedStore feeds;
    final FeedClaims claims;
    final FetchSlots slots;
    private final FeedFetcher fetcher;
    private final IngestParts parts;

    ClusterNode(Path dir, int perHost) {
        FetchConfig fetch = FetchConfig.defaults();
        Clock clock = Clock.systemUTC();
        db = TestDatabase.open(dir);
        feeds = new FeedStore(db);
        claims = new FeedClaims(db, ClaimTime.database());
        slots = new FetchSlots(db, perHost, Duration.ofMinutes(1));
        fetcher = new FeedFetcher(fetch, clock);
        parts = new IngestParts(fetcher, new FeedParser(), feeds, new ArticleStore(db),
                FetchSchedule.of(fetch, clock), clock, IngestTelemetry.NONE);
    }

    /** A refresh round as serve runs it, in small batches so that the nodes take turns. */
    RefreshRound refreshRound(int concurrency) {
        return new RefreshRound(claims, new IngestRun(new FeedIngester(parts), concurrency, slots),
                new ClaimPolicy(5, Duration.ofMinutes(5)));
    }

    @Override
    public void close() {
        fetcher.close();
        db.close();
    }
}
