package org.tidings.web.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * A version of what a document shows, read from the database at most once per
 * {@code checkEvery}: under load every request in between shares the last reading instead of
 * querying, and a reading in progress is waited for rather than repeated.
 *
 * @param <V> the version, compared with equals
 */
public final class VersionWatch<V> {
    private final Supplier<V> source;
    private final Duration checkEvery;
    private final InstantSource clock;
    private volatile Reading<V> last;

    public VersionWatch(Supplier<V> source, Caching caching) {
        this.source = source;
        this.checkEvery = caching.checkEvery();
        this.clock = caching.clock();
    }

    public V current() {
        Reading<V> reading = last;
        if (reading != null && reading.freshAt(clock.instant(), checkEvery)) {
            return reading.version();
        }
        synchronized (this) {
            // Another thread may have read it while this one waited for the lock.
            Instant now = clock.instant();
            if (last == null || !last.freshAt(now, checkEvery)) {
                last = new Reading<>(source.get(), now);
            }
            return last.version();
        }
    }

    private record Reading<V>(V version, Instant at) {
        boolean freshAt(Instant now, Duration checkEvery) {
            return now.isBefore(at.plus(checkEvery));
        }
    }
}
