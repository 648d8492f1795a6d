package org.tidings.fetch;

import java.time.Duration;

/**
 * The instant by which a whole fetch (every redirect hop, headers and body) must be done.
 * Uses the monotonic {@link System#nanoTime()}, not the injected clock: a pinned test clock
 * must not stop timeouts, and wall-clock jumps must not cause them.
 */
final class Deadline {
    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** Nanoseconds left, or zero or less once the deadline has passed. */
    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(1, remainingNanos()));
    }

    /** The problem to report once the deadline has passed. */
    FetchProblem expired() {
        return new FetchProblem("timed out after " + budget);
    }
}
