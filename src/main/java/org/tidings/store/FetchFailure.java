package org.tidings.store;

import java.time.Instant;
import org.tidings.model.FeedStatus;

/**
 * A fetch or parse that failed: the error, the new consecutive count and when to try again.
 *
 * @param status {@link FeedStatus#ACTIVE} while the feed is retried with backoff, {@link FeedStatus#FAILING}
 *         once it is only checked daily
 */
public record FetchFailure(Instant at, String error, int errorCount, Instant nextFetchAt, FeedStatus status) {
}
