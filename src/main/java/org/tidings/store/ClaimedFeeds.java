package org.tidings.store;

import java.time.Instant;
import java.util.List;
import org.tidings.model.Feed;

/**
 * Due feeds one process has claimed: no other claims them before {@code leaseUntil}, when they are
 * due again unless their fetch was recorded.
 *
 * @param feeds as they were before the claim: {@link Feed#nextFetchAt} is the due time claimed
 * @param leaseUntil the next fetch time the claim wrote on each of them
 */
public record ClaimedFeeds(List<Feed> feeds, Instant leaseUntil) {
    public ClaimedFeeds {
        feeds = List.copyOf(feeds);
    }

    public boolean isEmpty() {
        return feeds.isEmpty();
    }
}
