package org.tidings.config;

import java.time.Duration;

/**
 * Settings of the HTTP fetcher and of the ingest run that drives it.
 *
 * @param interval how often a feed is fetched when neither it nor its server asks for less often
 * @param minInterval no feed is fetched more often than this, whatever the other settings say
 * @param maxInterval no healthy feed waits longer than this, whatever its ttl or max-age says
 * @param giveUpAfter a feed failing this long without a success is only checked once a day
 */
public record FetchConfig(Duration timeout, long maxBytes, int concurrency, int perHost, Duration interval,
        String userAgent, Duration minInterval, Duration maxInterval, Duration giveUpAfter) {

    public static final String DEFAULT_USER_AGENT =
            "Tidings/" + Version.current() + " (+https://github.com/tidings/tidings; feed aggregator)";

    static FetchConfig from(Settings s) {
        Duration min = s.duration("fetch.min-interval", Duration.ofMinutes(15));
        Duration max = s.duration("fetch.max-interval", Duration.ofHours(24));
        if (min.compareTo(max) > 0) {
            throw new ConfigException("fetch.min-interval",
                    "must not be longer than fetch.max-interval (" + max + "), got " + min);
        }
        return new FetchConfig(
                s.duration("fetch.timeout", Duration.ofSeconds(20)),
                s.positiveLong("fetch.max-bytes", 10L * 1024 * 1024),
                s.positiveInt("fetch.concurrency", 8),
                s.positiveInt("fetch.per-host", 2),
                s.duration("fetch.interval", Duration.ofHours(1)),
                s.string("fetch.user-agent", DEFAULT_USER_AGENT),
                min,
                max,
                s.duration("fetch.give-up-after", Duration.ofDays(7)));
    }

    /** Defaults, for tests and benchmarks. */
    public static FetchConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }
}
