package org.tidings.web.feeds;

import java.time.Duration;
import java.time.InstantSource;

/**
 * How stale a served merged feed may be. A new or deleted article shows within
 * {@code checkEvery} (the articles version is read from the database at most that often); an
 * article edited in place, or a renamed feed, which that version does not see, within
 * {@code renderAtLeastEvery}.
 */
public record FeedCaching(Duration checkEvery, Duration renderAtLeastEvery, InstantSource clock) {
    /** One query a second at most, whatever the load; and edits show within a minute. */
    public static FeedCaching standard(InstantSource clock) {
        return new FeedCaching(Duration.ofSeconds(1), Duration.ofMinutes(1), clock);
    }
}
