package org.tidings.ingest;

import java.time.Clock;
import java.util.List;
import org.tidings.opml.OpmlOutline;
import org.tidings.store.FeedStore;
import org.tidings.store.NewFeed;

/**
 * Adds the feeds of an OPML list. URLs already subscribed are left alone, so importing the same
 * file twice adds nothing. Feeds are not fetched here: a list of hundreds would take minutes;
 * the next fetch checks them, and any error shows in {@code feeds list}.
 */
public final class FeedListImport {
    private final FeedStore feeds;
    private final Clock clock;

    public FeedListImport(FeedStore feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** Counts of one import. */
    public record Counts(int added, int alreadyPresent) {
    }

    public Counts add(List<OpmlOutline> outlines) {
        int added = 0;
        for (OpmlOutline o : outlines) {
            if (feeds.addIfAbsent(new NewFeed(o.xmlUrl(), o.title(), o.htmlUrl(), o.category()), clock.instant())
                    .isPresent()) {
                added++;
            }
        }
        return new Counts(added, outlines.size() - added);
    }
}
