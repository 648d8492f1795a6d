package org.tidings.web.cache;

import java.time.Duration;
import java.time.InstantSource;

/**
 * How stale a served document may be. A change that the document's version sees (a new or
 * deleted article, a sent issue) shows within {@code checkEvery}, since the version is read from
 * the database at most that often; a change it does not see (an article edited in place, a feed
 * renamed by its fetch) within {@code renderAtLeastEvery}.
 */
public record Caching(Duration checkEvery, Duration renderAtLeastEvery, InstantSource clock) {
    /** One query a second at most, whatever the load; and edits show within a minute. */
    public static Caching standard(InstantSource clock) {
        return new Caching(Duration.ofSeconds(1), Duration.ofMinutes(1), clock);
    }
}
