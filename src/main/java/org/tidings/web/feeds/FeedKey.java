package org.tidings.web.feeds;

import java.util.Objects;
import org.tidings.publish.MergedFeedFormat;

/**
 * One merged feed document a reader can ask for.
 *
 * @param category exactly as asked (the feed's title repeats it); null for every category
 */
record FeedKey(MergedFeedFormat format, String category) {
    FeedKey {
        Objects.requireNonNull(format, "format");
    }
}
