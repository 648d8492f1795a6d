package org.tidings.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A node as Quartz's cluster table holds it: its name ({@link org.tidings.model.NodeId}), when it
 * last checked in, and how often it does.
 */
public record NodeCheckIn(String name, Instant lastSeen, Duration interval) {
    /** Quartz takes a node for dead, and recovers its jobs, once it misses a check-in by this much. */
    private static final Duration GRACE = Duration.ofMillis(7_500);

    public boolean alive(Instant now) {
        return !lastSeen.plus(interval).plus(GRACE).isBefore(now);
    }
}
