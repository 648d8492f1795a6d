package org.tidings.web.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.tidings.store.ArticlesVersion;

/**
 * The articles version, read from the database at most once per {@code checkEvery}: under load
 * every request in between shares the last reading instead of querying.
 */
final class VersionWatch {
    private final Supplier<ArticlesVersion> source;
    private final Duration checkEvery;
    private final InstantSource clock;
    private volatile Reading last;

    VersionWatch(Supplier<ArticlesVersion> source, FeedCaching caching) {
        this.source = source;
        this.checkEvery = caching.checkEvery();
        this.clock = caching.clock();
    }

    ArticlesVersion current() {
        Reading reading = last;
        if (reading != null && reading.freshAt(clock.instant(), checkEvery)) {
            return reading.version();
        }
        synchronized (this) {
            // Another thread may have read it while this one waited for the lock.
            Instant now = clock.instant();
            if (last == null || !last.freshAt(now, checkEvery)) {
                last = new Reading(source.get(), now);
            }
            return last.version();
        }
    }

    private record Reading(ArticlesVersion version, Instant at) {
        boolean freshAt(Instant now, Duration checkEvery) {
            return now.isBefore(at.plus(checkEvery));
        }
    }
}
