package org.tidings.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;
import org.tidings.store.FeedState;

/**
 * What one fetch does to a feed's state: the one place that decides its status, error count, last
 * error, run of failures and next fetch time ({@link FetchSchedule} measures the waits). The store
 * writes what this returns.
 *
 * <ul>
 * <li>A success clears the error state and makes a failing feed active again.
 * <li>A failure counts one more error, starts the run of failures if it is the first, and backs
 *     off; once the run has lasted fetch.give-up-after the feed is failing, tried once a day.
 * <li>410 Gone makes the feed gone: never polled again.
 * </ul>
 * A success or a failure leaves a paused or gone feed as it is (an admin may fetch any feed by
 * hand). Since an admin may also pause or resume a feed while it is being fetched, the status is
 * decided for each status the feed may have by the time the state is written.
 */
final class FeedTransitions {
    private final FetchSchedule schedule;
    private final Clock clock;

    FeedTransitions(FetchSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /** A 200 whose feed was stored, or a 304, or a 200 with the same body as the last one. */
    FeedState succeeded(Feed feed, Success s) {
        Instant now = clock.instant();
        // A response without a ttl keeps the stored one, for the schedule as in the store.
        Integer ttl = s.ttlMinutes() != null ? s.ttlMinutes() : feed.ttlMinutes();
        return new FeedState(statusAfter(status -> status == FeedStatus.FAILING ? FeedStatus.ACTIVE : status),
                now, now, null, 0, null, schedule.forFeed(feed).afterSuccess(ttl, s.maxAge()),
                s.validators() != null ? s.validators() : feed.validators(), s.feedTitle(),
                s.siteUrl() != null ? s.siteUrl() : feed.siteUrl(), ttl);
    }

    /**
     * A fetch or parse that failed; what the last success stored is kept.
     *
     * @param retryAfter what the server's Retry-After asked for, or null
     */
    FeedState failed(Feed feed, String error, Duration retryAfter) {
        Instant now = clock.instant();
        int errorCount = feed.errorCount() + 1;
        // The first failure of a run starts it: the give-up period counts from there.
        Instant failingSince = feed.failingSince() != null ? feed.failingSince() : now;
        FetchSchedule own = schedule.forFeed(feed);
        FeedStatus polled = own.givesUp(failingSince) ? FeedStatus.FAILING : FeedStatus.ACTIVE;
        return new FeedState(statusAfter(status -> status.polled() ? polled : status), now, feed.lastSuccessAt(),
                error, errorCount, failingSince, own.afterFailure(failingSince, errorCount, retryAfter),
                feed.validators(), null, feed.siteUrl(), feed.ttlMinutes());
    }

    /** 410 Gone, whatever the feed's status: the error count and run of failures stay as they were. */
    FeedState gone(Feed feed) {
        return new FeedState(statusAfter(status -> FeedStatus.GONE), clock.instant(), feed.lastSuccessAt(),
                "HTTP 410 Gone", feed.errorCount(), feed.failingSince(), null, feed.validators(), null,
                feed.siteUrl(), feed.ttlMinutes());
    }

    private static Map<FeedStatus, FeedStatus> statusAfter(UnaryOperator<FeedStatus> rule) {
        Map<FeedStatus, FeedStatus> after = new EnumMap<>(FeedStatus.class);
        for (FeedStatus current : FeedStatus.values()) {
            after.put(current, rule.apply(current));
        }
        return after;
    }

    /**
     * What a fetch that worked brought.
     *
     * @param validators the response's, or null to keep the stored ones (a 304)
     * @param feedTitle the title the feed gives itself, or null when it was not parsed
     * @param siteUrl the feed's home page, or null to keep the stored one
     * @param ttlMinutes the feed's own ttl, or null to keep the stored one
     * @param maxAge the response's freshness lifetime, or null
     */
    record Success(HttpValidators validators, String feedTitle, URI siteUrl, Integer ttlMinutes, Duration maxAge) {
        /** A 304, or a 200 whose body was the same: nothing parsed, so nothing known of the feed itself. */
        static Success unchanged(HttpValidators validators, Duration maxAge) {
            return new Success(validators, null, null, null, maxAge);
        }
    }
}
