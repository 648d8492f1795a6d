package org.tidings.ingest;

import java.time.Duration;
import java.time.Instant;

/** When a feed is next due after a success or a failure. */
final class Backoff {
    /** However often a feed fails, it is tried at least once a day. */
    static final Duration MAX_DELAY = Duration.ofDays(1);

    private final Duration interval;

    Backoff(Duration interval) {
        this.interval = interval;
    }

    Instant afterSuccess(Instant now) {
        return now.plus(interval);
    }

    /**
     * Exponential: the n-th consecutive failure waits interval x 2^n, capped at a day. A server's
     * Retry-After (429, 503) replaces that, within the same cap.
     */
    Instant afterFailure(Instant now, int errorCount, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return now.plus(min(retryAfter, MAX_DELAY));
        }
        int doublings = Math.min(Math.max(errorCount, 1), 20);
        Duration delay = interval.multipliedBy(1L << doublings);
        return now.plus(min(delay, MAX_DELAY));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
