package org.tidings.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.tidings.config.FetchConfig;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

class FetchScheduleTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The middle of the jitter range: no jitter at all. */
    private static final DoubleSupplier MIDDLE = () -> 0.5;
    private static final FetchConfig DEFAULTS = FetchConfig.defaults();
    /** Added yesterday, never worked: far from fetch.give-up-after (a week). */
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

    private static FetchSchedule schedule(DoubleSupplier random) {
        return new FetchSchedule(DEFAULTS, CLOCK, random);
    }

    private static FetchSchedule withInterval(Duration interval) {
        return new FetchSchedule(config(interval, DEFAULTS.giveUpAfter()), CLOCK, MIDDLE);
    }

    private static FetchConfig config(Duration interval, Duration giveUpAfter) {
        FetchConfig d = DEFAULTS;
        return new FetchConfig(d.timeout(), d.maxBytes(), d.concurrency(), d.perHost(), interval, d.userAgent(),
                d.minInterval(), d.maxInterval(), giveUpAfter);
    }

    @Test
    void successWaitsTheConfiguredInterval() {
        assertEquals(NOW.plus(Duration.ofHours(1)), schedule(MIDDLE).afterSuccess(null, null));
    }

    @Test
    void longerTtlLengthensTheWait() {
        assertEquals(NOW.plus(Duration.ofMinutes(180)), schedule(MIDDLE).afterSuccess(180, null));
    }

    @Test
    void ttlShorterThanTheIntervalIsIgnored() {
        assertEquals(NOW.plus(Duration.ofHours(1)), schedule(MIDDLE).afterSuccess(10, null));
    }

    @Test
    void longerMaxAgeLengthensTheWait() {
        assertEquals(NOW.plus(Duration.ofHours(2)), schedule(MIDDLE).afterSuccess(null, Duration.ofHours(2)));
        assertEquals(NOW.plus(Duration.ofHours(1)), schedule(MIDDLE).afterSuccess(null, Duration.ofMinutes(5)));
    }

    @Test
    void theLongestHintWins() {
        assertEquals(NOW.plus(Duration.ofHours(3)), schedule(MIDDLE).afterSuccess(180, Duration.ofHours(2)));
        assertEquals(NOW.plus(Duration.ofHours(4)), schedule(MIDDLE).afterSuccess(180, Duration.ofHours(4)));
    }

    @Test
    void aWeekLongTtlIsClampedToTheMaxInterval() {
        assertEquals(NOW.plus(Duration.ofHours(24)), schedule(MIDDLE).afterSuccess(7 * 24 * 60, null));
        assertEquals(NOW.plus(Duration.ofHours(24)), schedule(MIDDLE).afterSuccess(null, Duration.ofSeconds(1L << 31)));
    }

    @Test
    void anIntervalBelowTheMinimumIsRaisedToIt() {
        assertEquals(NOW.plus(Duration.ofMinutes(15)), withInterval(Duration.ofMinutes(5)).afterSuccess(null, null));
    }

    @Test
    void jitterBoundsAreTenPercentEitherWay() {
        assertEquals(NOW.plus(Duration.ofMinutes(54)), schedule(() -> 0.0).afterSuccess(null, null));
        assertEquals(NOW.plus(Duration.ofMinutes(66)), schedule(() -> 1.0).afterSuccess(null, null));
    }

    @Test
    void everyJitteredWaitStaysWithinTenPercent() {
        SplittableRandom random = new SplittableRandom(42);
        FetchSchedule s = schedule(random::nextDouble);
        for (int i = 0; i < 10_000; i++) {
            Duration wait = Duration.between(NOW, s.afterSuccess(null, Duration.ofHours(2)));
            assertTrue(wait.compareTo(Duration.ofMinutes(108)) >= 0 && wait.compareTo(Duration.ofMinutes(132)) <= 0,
                    wait.toString());
        }
    }

    @Test
    void jitterNeverTakesAWaitPastTheClamp() {
        assertEquals(NOW.plus(Duration.ofHours(24)), schedule(() -> 1.0).afterSuccess(24 * 60, null));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), withInterval(Duration.ofMinutes(15)).afterSuccess(null, null));
    }

    @Test
    void jitterNeverShortensWhatTheFeedOrServerAskedFor() {
        FetchSchedule earliest = schedule(() -> 0.0);
        assertEquals(NOW.plus(Duration.ofMinutes(180)), earliest.afterSuccess(180, null));
        assertEquals(NOW.plus(Duration.ofHours(2)), earliest.afterSuccess(null, Duration.ofHours(2)));
        assertEquals(NOW.plus(Duration.ofHours(3)), earliest.afterFailure(YESTERDAY, 1, Duration.ofHours(3)));
        // Our own interval still spreads both ways.
        assertEquals(NOW.plus(Duration.ofMinutes(54)), earliest.afterSuccess(null, null));
    }

    @Test
    void failuresDoubleTheWait() {
        FetchSchedule s = schedule(MIDDLE);

        assertEquals(active(Duration.ofHours(2)), s.afterFailure(YESTERDAY, 1, null));
        assertEquals(active(Duration.ofHours(4)), s.afterFailure(YESTERDAY, 2, null));
        assertEquals(active(Duration.ofHours(16)), s.afterFailure(YESTERDAY, 4, null));
    }

    @Test
    void backoffIsCappedAtOneDayBeforeJitter() {
        assertEquals(active(Duration.ofDays(1)), schedule(MIDDLE).afterFailure(YESTERDAY, 5, null));
        assertEquals(active(Duration.ofDays(1)), schedule(MIDDLE).afterFailure(YESTERDAY, 400, null));
        assertEquals(active(Duration.ofHours(26).plusMinutes(24)),
                schedule(() -> 1.0).afterFailure(YESTERDAY, 9, null));
    }

    @Test
    void backoffIsJittered() {
        assertEquals(active(Duration.ofMinutes(108)), schedule(() -> 0.0).afterFailure(YESTERDAY, 1, null));
        assertEquals(active(Duration.ofMinutes(132)), schedule(() -> 1.0).afterFailure(YESTERDAY, 1, null));
    }

    @Test
    void retryAfterReplacesTheBackoffWithinTheCap() {
        FetchSchedule s = schedule(MIDDLE);

        assertEquals(active(Duration.ofHours(3)), s.afterFailure(YESTERDAY, 1, Duration.ofHours(3)));
        assertEquals(active(Duration.ofMinutes(30)), s.afterFailure(YESTERDAY, 6, Duration.ofMinutes(30)));
        assertEquals(active(Duration.ofDays(1)), s.afterFailure(YESTERDAY, 1, Duration.ofDays(30)));
    }

    @Test
    void aShortRetryAfterIsRaisedToTheMinimumInterval() {
        assertEquals(active(Duration.ofMinutes(15)),
                schedule(MIDDLE).afterFailure(YESTERDAY, 1, Duration.ofSeconds(120)));
        assertEquals(active(Duration.ofMinutes(15)), schedule(() -> 0.0).afterFailure(YESTERDAY, 1, Duration.ZERO));
    }

    @Test
    void aFeedFailingForTheGiveUpPeriodIsCheckedOnceADay() {
        Instant lastWorked = NOW.minus(Duration.ofDays(7));

        assertTrue(schedule(MIDDLE).givesUp(lastWorked));
        assertEquals(NOW.plus(Duration.ofDays(1)),
                schedule(MIDDLE).afterFailure(lastWorked, 50, Duration.ofMinutes(30)));
        assertEquals(NOW.plus(Duration.ofHours(26).plusMinutes(24)),
                schedule(() -> 1.0).afterFailure(lastWorked, 3, null));
    }

    @Test
    void aFeedJustShortOfTheGiveUpPeriodStillBacksOff() {
        Instant lastWorked = NOW.minus(Duration.ofDays(7)).plusSeconds(1);

        assertFalse(schedule(MIDDLE).givesUp(lastWorked));
        assertEquals(active(Duration.ofDays(1)), schedule(MIDDLE).afterFailure(lastWorked, 50, null));
    }

    @Test
    void giveUpPeriodComesFromTheConfiguration() {
        FetchConfig halfADay = config(DEFAULTS.interval(), Duration.ofHours(12));

        assertTrue(new FetchSchedule(halfADay, CLOCK, MIDDLE).givesUp(YESTERDAY));
        assertFalse(schedule(MIDDLE).givesUp(YESTERDAY));
    }

    @Test
    void aFeedsOwnIntervalReplacesTheConfiguredOne() {
        FetchSchedule own = schedule(MIDDLE).forFeed(feedWithInterval(180));

        assertEquals(NOW.plus(Duration.ofHours(3)), own.afterSuccess(null, null));
        assertEquals(active(Duration.ofHours(6)), own.afterFailure(YESTERDAY, 1, null));
        assertEquals(NOW.plus(Duration.ofHours(1)), schedule(MIDDLE).forFeed(feedWithInterval(null))
                .afterSuccess(null, null));
    }

    @Test
    void aFeedsOwnIntervalStaysWithinTheMinimumAndMaximum() {
        assertEquals(NOW.plus(Duration.ofMinutes(15)), schedule(MIDDLE).forFeed(feedWithInterval(1))
                .afterSuccess(null, null));
        assertEquals(NOW.plus(Duration.ofHours(24)), schedule(MIDDLE).forFeed(feedWithInterval(3 * 24 * 60))
                .afterSuccess(null, null));
    }

    private static Feed feedWithInterval(Integer minutes) {
        return new Feed(1, URI.create("https://example.org/feed"), null, null, null, FeedStatus.ACTIVE,
                HttpValidators.NONE, null, null, 0, null, null, null, YESTERDAY, minutes, null);
    }

    /** The next attempt of a feed not given up: after {@code wait}. */
    private static Instant active(Duration wait) {
        return NOW.plus(wait);
    }
}
