package org.tidings.publish;

import java.time.Instant;
import java.util.List;

/**
 * One merged feed document ready to be written in any format.
 *
 * @param updated when the feed last changed: the newest article change, or now for an empty feed
 * @param items newest first, already filtered by the caller
 */
record MergedFeed(MergedFeedInfo info, Instant updated, List<FeedItem> items) {
}
