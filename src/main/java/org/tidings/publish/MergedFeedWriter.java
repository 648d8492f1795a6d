package org.tidings.publish;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tidings.model.Article;

/**
 * The publish stage's front door: stored articles to an Atom 1.0, RSS 2.0 or JSON Feed 1.1
 * document in UTF-8. Thread-safe.
 */
public final class MergedFeedWriter {
    private final Clock clock;

    /** @param clock gives the feed's "updated" time when there is no article to take it from */
    public MergedFeedWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the whole document and flushes {@code out} without closing it, so the caller that
     * opened the stream (an HTTP response, a file) stays the one that closes it.
     *
     * @param articles newest first, already filtered
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    public void write(MergedFeedInfo info, List<Article> articles, MergedFeedFormat format, OutputStream out) {
        Objects.requireNonNull(info, "info");
        List<FeedItem> items = articles.stream().map(FeedItem::new).toList();
        // The newest change need not be the first article's: an older one may have been updated.
        Instant updated = items.stream().map(FeedItem::updated).max(Instant::compareTo).orElseGet(clock::instant);
        MergedFeed feed = new MergedFeed(info, updated, items);
        switch (format) {
            case ATOM -> new AtomFeedWriter().write(feed, out);
            case RSS -> new RssFeedWriter().write(feed, out);
            case JSON -> new JsonFeedWriter().write(feed, out);
        }
    }
}
