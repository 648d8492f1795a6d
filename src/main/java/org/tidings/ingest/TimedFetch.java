package org.tidings.ingest;

import java.time.Duration;
import java.util.function.Supplier;
import org.tidings.fetch.FetchResult;

/**
 * A fetch's result and when its request started, so the telemetry's duration of one feed covers
 * the request and the storing of what it brought.
 *
 * @param startedNanos {@link System#nanoTime()} before the request: monotonic, unlike the clock
 */
record TimedFetch(FetchResult result, long startedNanos) {
    static TimedFetch of(Supplier<FetchResult> request) {
        long started = System.nanoTime();
        return new TimedFetch(request.get(), started);
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
