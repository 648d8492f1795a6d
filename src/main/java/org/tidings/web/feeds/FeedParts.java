package org.tidings.web.feeds;

import java.net.URI;
import java.util.Objects;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleStore;
import org.tidings.web.cache.Caching;

/**
 * What the merged feeds are made of.
 *
 * @param publicUrl where readers reach Tidings; the feeds' self links point there
 * @param caching how long a rendered feed may be served before the database is asked again
 */
public record FeedParts(ArticleStore articles, MergedFeedWriter writer, URI publicUrl, Caching caching) {
    public FeedParts {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(caching, "caching");
    }
}
