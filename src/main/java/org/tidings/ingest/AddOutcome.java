package org.tidings.ingest;

import java.net.URI;
import org.tidings.model.Feed;

/** What adding a feed came to. */
public sealed interface AddOutcome {
    /**
     * Subscribed.
     *
     * @param discoveredFrom the HTML page whose alternate link led to the feed, or null
     * @param articles articles stored from the checking fetch
     */
    record Added(Feed feed, URI discoveredFrom, int articles) implements AddOutcome {
    }

    /** That URL (or the feed it leads to) is already subscribed. */
    record AlreadyPresent(Feed feed) implements AddOutcome {
    }

    /** Not added; {@code reason} says why in one line. */
    record Refused(String reason) implements AddOutcome {
    }
}
