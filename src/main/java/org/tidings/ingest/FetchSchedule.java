package org.tidings.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.tidings.config.FetchConfig;
import org.tidings.model.Feed;

/**
 * When each feed is next fetched, after a success or a failure.
 *
 * <p>After a success the wait is the longest of fetch.interval, the feed's ttl (RSS {@code <ttl>},
 * sy:updatePeriod) and the response's max-age (Cache-Control, Expires). The feed's hints mean "do
 * not ask again before", so they may lengthen the wait but never make us poll more often than
 * configured (Miniflux does the same). Then +-10% jitter, so feeds added together drift apart
 * instead of being fetched in one burst for ever (never below what the feed asked for), then a clamp to [fetch.min-interval,
 * fetch.max-interval].
 *
 * <p>After a failure the wait doubles with each consecutive failure from fetch.interval, capped at a
 * day; a server's Retry-After (429, 503) replaces that, within the same cap. Then the same jitter,
 * and never less than fetch.min-interval. A feed that has kept failing for fetch.give-up-after since
 * the first failure of the current run is given up ({@link FeedTransitions} makes it failing): tried
 * once a day, plus jitter, whatever the backoff says.
 */
public final class FetchSchedule {
    /** However often a feed fails, it is tried at least once a day; a failing feed just that often. */
    static final Duration DAY = Duration.ofDays(1);
    private static final double JITTER = 0.10;
    /** 2^20 intervals exceed the day cap for any interval above a tenth of a second. */
    private static final int MAX_DOUBLINGS = 20;

    private final FetchConfig config;
    /** fetch.interval, or the feed's own interval set by an admin. */
    private final Duration interval;
    private final Clock clock;
    private final DoubleSupplier random;

    /** @param random uniform draws from [0, 1]: 0 shortens a wait by 10%, 1 lengthens it by 10% */
    public FetchSchedule(FetchConfig config, Clock clock, DoubleSupplier random) {
        this(config, config.interval(), clock, random);
    }

    private FetchSchedule(FetchConfig config, Duration interval, Clock clock, DoubleSupplier random) {
        this.config = config;
        this.interval = interval;
        this.clock = clock;
        this.random = random;
    }

    /** Jitter from {@link ThreadLocalRandom}: ingest workers draw at the same time from their own threads. */
    public static FetchSchedule of(FetchConfig config, Clock clock) {
        return new FetchSchedule(config, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The schedule of one feed: an admin's own interval for it replaces fetch.interval, for the
     * wait after a success and as the base of the backoff; min and max interval still bound it.
     */
    FetchSchedule forFeed(Feed feed) {
        if (feed.intervalMinutes() == null) {
            return this;
        }
        return new FetchSchedule(config, Duration.ofMinutes(feed.intervalMinutes()), clock, random);
    }

    /**
     * @param ttlMinutes the feed's own ttl, or null
     * @param maxAge the response's freshness lifetime, or null
     */
    Instant afterSuccess(Integer ttlMinutes, Duration maxAge) {
        Duration asked = Duration.ZERO;
        if (ttlMinutes != null) {
            asked = longer(asked, Duration.ofMinutes(ttlMinutes));
        }
        if (maxAge != null) {
            asked = longer(asked, maxAge);
        }
        // Jitter spreads our own schedule; it never brings a wait under what the feed asked for.
        Duration jittered = longer(jittered(longer(interval, asked)), asked);
        return clock.instant().plus(shorter(longer(jittered, config.minInterval()), config.maxInterval()));
    }

    /**
     * @param failingSince when the current run of failures began (this failure, if it is the first)
     * @param errorCount consecutive failures, this one included
     * @param retryAfter what the server's Retry-After asked for, or null
     */
    Instant afterFailure(Instant failingSince, int errorCount, Duration retryAfter) {
        Instant now = clock.instant();
        if (givesUp(failingSince)) {
            return now.plus(jittered(DAY));
        }
        boolean asked = retryAfter != null && !retryAfter.isNegative();
        Duration wait = shorter(asked ? retryAfter : backoff(errorCount), DAY);
        // As after a success: a server's Retry-After is a floor that jitter does not cross.
        Duration jittered = asked ? longer(jittered(wait), wait) : jittered(wait);
        return now.plus(longer(jittered, config.minInterval()));
    }

    /** Whether a feed failing since {@code failingSince} has failed for fetch.give-up-after by now. */
    boolean givesUp(Instant failingSince) {
        return Duration.between(failingSince, clock.instant()).compareTo(config.giveUpAfter()) >= 0;
    }

    /** The n-th consecutive failure waits interval x 2^n. */
    private Duration backoff(int errorCount) {
        int doublings = Math.min(Math.max(errorCount, 1), MAX_DOUBLINGS);
        return interval.multipliedBy(1L << doublings);
    }

    /** Millisecond precision: enough for a schedule, and no overflow for any ttl or max-age. */
    private Duration jittered(Duration d) {
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
