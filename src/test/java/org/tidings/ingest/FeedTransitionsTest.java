package org.tidings.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tidings.model.FeedStatus.ACTIVE;
import static org.tidings.model.FeedStatus.FAILING;
import static org.tidings.model.FeedStatus.GONE;
import static org.tidings.model.FeedStatus.PAUSED;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tidings.config.FetchConfig;
import org.tidings.ingest.FeedTransitions.Success;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;
import org.tidings.store.FeedState;

class FeedTransitionsTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant LAST_WORKED = NOW.minus(Duration.ofHours(5));
    private static final HttpValidators STORED = new HttpValidators("\"v1\"", "Mon, 04 Mar 2024 10:00:00 GMT", "h1");
    private static final URI SITE = URI.create("https://example.org/");
    /** fetch.interval an hour, give-up-after a week; jitter pinned to the middle of its range, so none. */
    private static final FeedTransitions TRANSITIONS = new FeedTransitions(
            new FetchSchedule(FetchConfig.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSuccessMakesAFailingFeedActiveAndLeavesPausedAndGoneFeedsAsTheyAre() {
        FeedState s = TRANSITIONS.succeeded(failingFor(Duration.ofDays(9), 12), Success.unchanged(null, null));

        assertEquals(Map.of(ACTIVE, ACTIVE, FAILING, ACTIVE, PAUSED, PAUSED, GONE, GONE), s.statusAfter());
    }

    @Test
    void aSuccessClearsTheErrorStateAndWaitsTheInterval() {
        FeedState s = TRANSITIONS.succeeded(failingFor(Duration.ofDays(2), 4), Success.unchanged(null, null));

        assertEquals(NOW, s.lastFetchedAt());
        assertEquals(NOW, s.lastSuccessAt());
        assertNull(s.lastError());
        assertEquals(0, s.errorCount());
        assertNull(s.failingSince());
        assertEquals(NOW.plus(Duration.ofHours(1)), s.nextFetchAt());
    }

    @Test
    void aStoredFetchReplacesValidatorsSiteAndTtlAndOffersTheFeedsTitle() {
        HttpValidators fresh = new HttpValidators("\"v2\"", null, "h2");
        URI newSite = URI.create("https://example.org/news/");

        FeedState s = TRANSITIONS.succeeded(feed(ACTIVE, 0, null), new Success(fresh, "Le Monde", newSite, 180,
                null));

        assertEquals(fresh, s.validators());
        assertEquals("Le Monde", s.feedTitle());
        assertEquals(newSite, s.siteUrl());
        assertEquals(180, s.ttlMinutes());
        assertEquals(NOW.plus(Duration.ofHours(3)), s.nextFetchAt());
    }

    @Test
    void aNotModifiedFetchKeepsWhatWasStoredAndTheStoredTtlStillHolds() {
        Feed feed = new Feed(1, URI.create("https://example.org/feed"), "Title", SITE, null, ACTIVE, STORED,
                LAST_WORKED, null, 0, null, 180, LAST_WORKED, LAST_WORKED, null, null);

        FeedState s = TRANSITIONS.succeeded(feed, Success.unchanged(null, Duration.ofMinutes(30)));

        assertEquals(STORED, s.validators());
        assertNull(s.feedTitle());
        assertEquals(SITE, s.siteUrl());
        assertEquals(180, s.ttlMinutes());
        assertEquals(NOW.plus(Duration.ofHours(3)), s.nextFetchAt());
    }

    @Test
    void theSameBodyAgainKeepsItsNewValidators() {
        HttpValidators fresh = new HttpValidators("\"v2\"", null, "h1");

        FeedState s = TRANSITIONS.succeeded(feed(ACTIVE, 0, null), Success.unchanged(fresh, null));

        assertEquals(fresh, s.validators());
    }

    @Test
    void theFirstFailureStartsTheRunOfFailuresAndBacksOff() {
        FeedState s = TRANSITIONS.failed(feed(ACTIVE, 0, null), "Could not fetch feed x: HTTP 500", null);

        assertEquals(Map.of(ACTIVE, ACTIVE, FAILING, ACTIVE, PAUSED, PAUSED, GONE, GONE), s.statusAfter());
        assertEquals(NOW, s.lastFetchedAt());
        assertEquals("Could not fetch feed x: HTTP 500", s.lastError());
        assertEquals(1, s.errorCount());
        assertEquals(NOW, s.failingSince());
        assertEquals(NOW.plus(Duration.ofHours(2)), s.nextFetchAt());
    }

    @Test
    void aFailureCountsOneMoreErrorAndKeepsWhatTheLastSuccessStored() {
        Instant since = NOW.minus(Duration.ofDays(1));

        FeedState s = TRANSITIONS.failed(feed(ACTIVE, 2, since), "HTTP 500", null);

        assertEquals(3, s.errorCount());
        assertEquals(since, s.failingSince());
        assertEquals(NOW.plus(Duration.ofHours(8)), s.nextFetchAt());
        assertEquals(LAST_WORKED, s.lastSuccessAt());
        assertEquals(STORED, s.validators());
        assertNull(s.feedTitle());
        assertEquals(SITE, s.siteUrl());
        assertEquals(45, s.ttlMinutes());
    }

    @Test
    void aServersRetryAfterSetsTheNextAttempt() {
        FeedState s = TRANSITIONS.failed(feed(ACTIVE, 0, null), "HTTP 429", Duration.ofHours(3));

        assertEquals(NOW.plus(Duration.ofHours(3)), s.nextFetchAt());
    }

    @Test
    void aFeedFailingForTheGiveUpPeriodBecomesFailingAndIsTriedDaily() {
        FeedState s = TRANSITIONS.failed(failingFor(Duration.ofDays(7), 30), "HTTP 500", Duration.ofMinutes(30));

        assertEquals(Map.of(ACTIVE, FAILING, FAILING, FAILING, PAUSED, PAUSED, GONE, GONE), s.statusAfter());
        assertEquals(31, s.errorCount());
        assertEquals(NOW.plus(Duration.ofDays(1)), s.nextFetchAt());
    }

    @Test
    void aFeedJustShortOfTheGiveUpPeriodStaysActive() {
        FeedState s = TRANSITIONS.failed(failingFor(Duration.ofDays(7).minusSeconds(1), 30), "HTTP 500", null);

        assertEquals(ACTIVE, s.status(ACTIVE));
        assertEquals(ACTIVE, s.status(FAILING));
    }

    @Test
    void aPausedFeedFetchedByHandStaysPausedWhateverTheFetchCameTo() {
        Feed paused = feed(PAUSED, 0, null);

        assertEquals(PAUSED, TRANSITIONS.succeeded(paused, Success.unchanged(null, null)).status(PAUSED));
        assertEquals(PAUSED, TRANSITIONS.failed(paused, "HTTP 500", null).status(PAUSED));
        assertEquals(GONE, TRANSITIONS.gone(paused).status(PAUSED));
    }

    @Test
    void goneMakesAnyFeedGoneAndNeverDue() {
        Instant since = NOW.minus(Duration.ofDays(1));

        FeedState s = TRANSITIONS.gone(feed(ACTIVE, 2, since));

        assertEquals(Map.of(ACTIVE, GONE, FAILING, GONE, PAUSED, GONE, GONE, GONE), s.statusAfter());
        assertEquals(NOW, s.lastFetchedAt());
        assertEquals("HTTP 410 Gone", s.lastError());
        assertNull(s.nextFetchAt());
        assertEquals(2, s.errorCount());
        assertEquals(since, s.failingSince());
        assertEquals(LAST_WORKED, s.lastSuccessAt());
        assertEquals(STORED, s.validators());
    }

    @Test
    void aFeedsOwnIntervalIsTheBaseOfItsWaits() {
        Feed own = new Feed(1, URI.create("https://example.org/feed"), null, null, null, ACTIVE, STORED, null, null,
                0, null, null, null, LAST_WORKED, 180, null);

        assertEquals(NOW.plus(Duration.ofHours(3)), TRANSITIONS.succeeded(own, Success.unchanged(null, null))
                .nextFetchAt());
        assertEquals(NOW.plus(Duration.ofHours(6)), TRANSITIONS.failed(own, "HTTP 500", null).nextFetchAt());
    }

    @Test
    void aGoneFeedStaysGoneThroughSuccessAndFailure() {
        Feed gone = feed(GONE, 0, null);

        assertEquals(GONE, TRANSITIONS.succeeded(gone, Success.unchanged(null, null)).status(GONE));
        assertEquals(GONE, TRANSITIONS.failed(gone, "HTTP 500", null).status(GONE));
    }

    /** A feed whose run of failures began {@code ago}, with {@code errors} failures so far. */
    private static Feed failingFor(Duration ago, int errors) {
        return feed(FAILING, errors, NOW.minus(ago));
    }

    private static Feed feed(FeedStatus status, int errorCount, Instant failingSince) {
        return new Feed(1, URI.create("https://example.org/feed"), "Title", SITE, null, status, STORED, LAST_WORKED,
                errorCount == 0 ? null : "HTTP 500", errorCount, null, 45, LAST_WORKED, LAST_WORKED, null,
                failingSince);
    }
}
