package org.tidings.web.feeds;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.web.cache.CachedResponse;

/** {@code GET /feed.atom|rss|json[?category=C]}: the merged feed, with ETag, Last-Modified and 304s. */
final class FeedEndpoint implements Handler {
    private final MergedFeeds feeds;
    private final MergedFeedFormat format;

    FeedEndpoint(MergedFeeds feeds, MergedFeedFormat format) {
        this.feeds = feeds;
        this.format = format;
    }

    static String path(MergedFeedFormat format) {
        return "/" + format.fileName();
    }

    @Override
    public void handle(Context ctx) {
        String category = ctx.queryParam("category");
        CachedResponse.send(ctx, feeds.get(new FeedKey(format, category == null || category.isBlank() ? null : category)),
                format.contentType());
    }
}
