package org.tidings.web.feeds;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tidings.model.Article;
import org.tidings.publish.MergedFeedInfo;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticleStore;
import org.tidings.store.ArticlesVersion;
import org.tidings.web.WebParts;

/**
 * The merged feed as the web serves it: rendered once per change of the stored articles, not
 * once per request, and kept per format and category (see {@link FeedCaching} for how stale it
 * may be). Thread-safe; requests for a document being rendered wait for that one render.
 */
final class MergedFeeds {
    /** The same as the CLI's {@code feed} command. */
    static final int ARTICLES = 50;
    /**
     * Any category a reader asks for gets an entry, even one that matches nothing; past this many
     * the cache starts over, so that made-up categories cannot fill the heap.
     */
    private static final int MAX_DOCUMENTS = 256;

    private final ArticleStore articles;
    private final MergedFeedWriter writer;
    private final URI publicUrl;
    private final FeedCaching caching;
    private final VersionWatch version;
    private final ConcurrentMap<FeedKey, RenderedFeed> documents = new ConcurrentHashMap<>();

    MergedFeeds(WebParts parts) {
        this.articles = parts.articles();
        this.writer = parts.writer();
        this.publicUrl = parts.publicUrl();
        this.caching = parts.caching();
        this.version = new VersionWatch(articles::version, caching);
    }

    RenderedFeed get(FeedKey key) {
        ArticlesVersion current = version.current();
        RenderedFeed cached = documents.get(key);
        if (cached != null && isCurrent(cached, current)) {
            return cached;
        }
        if (documents.size() >= MAX_DOCUMENTS) {
            documents.clear();
        }
        return documents.compute(key, (k, previous) ->
                previous != null && isCurrent(previous, current) ? previous : render(k, current, previous));
    }

    private boolean isCurrent(RenderedFeed feed, ArticlesVersion current) {
        return feed.version().equals(current)
                && caching.clock().instant().isBefore(feed.renderedAt().plus(caching.renderAtLeastEvery()));
    }

    /** Reads the articles after the version, so a document is never older than the version it carries. */
    private RenderedFeed render(FeedKey key, ArticlesVersion current, RenderedFeed previous) {
        List<Article> newest = articles.newest(new ArticleQuery(key.category(), ARTICLES));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writer.write(MergedFeedInfo.served(publicUrl, key.format(), key.category()), newest, key.format(), out);
        Instant now = caching.clock().instant();
        return RenderedFeed.of(out.toByteArray(), current, now, previous);
    }
}
