package org.tidings.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.tidings.config.FetchConfig;

/** Fetcher settings for tests: small cap, short timeout, a pinned clock. */
final class Fetchers {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String USER_AGENT = "TidingsTest/1.0 (+https://example.org)";
    static final long MAX_BYTES = 1024 * 1024;

    private Fetchers() {
    }

    static FetchConfig config(Duration timeout, long maxBytes) {
        FetchConfig d = FetchConfig.defaults();
        return new FetchConfig(timeout, maxBytes, 8, 2, d.interval(), USER_AGENT, d.minInterval(), d.maxInterval(),
                d.giveUpAfter());
    }

    static FeedFetcher standard() {
        return new FeedFetcher(config(Duration.ofSeconds(5), MAX_BYTES), CLOCK);
    }

    static FeedFetcher withTimeout(Duration timeout) {
        return new FeedFetcher(config(timeout, MAX_BYTES), CLOCK);
    }
}
