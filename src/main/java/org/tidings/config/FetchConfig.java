package org.tidings.config;

import java.time.Duration;

/** Settings of the HTTP fetcher and of the ingest run that drives it. */
public record FetchConfig(
        Duration timeout, long maxBytes, int concurrency, int perHost, Duration interval, String userAgent) {

    public static final String DEFAULT_USER_AGENT =
            "Tidings/" + Version.current() + " (+https://github.com/tidings/tidings; feed aggregator)";

    static FetchConfig from(Settings s) {
        return new FetchConfig(
                s.duration("fetch.timeout", Duration.ofSeconds(20)),
                s.positiveLong("fetch.max-bytes", 10L * 1024 * 1024),
                s.positiveInt("fetch.concurrency", 8),
                s.positiveInt("fetch.per-host", 2),
                s.duration("fetch.interval", Duration.ofHours(1)),
                s.string("fetch.user-agent", DEFAULT_USER_AGENT));
    }

    /** Defaults, for tests and benchmarks. */
    public static FetchConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }
}
