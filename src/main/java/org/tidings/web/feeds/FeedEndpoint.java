package org.tidings.web.feeds;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.tidings.publish.MergedFeedFormat;

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
        RenderedFeed feed = feeds.get(new FeedKey(format, category == null || category.isBlank() ? null : category));
        // A 304 carries the validators too (RFC 9110 15.4.5), so caches can refresh what they hold.
        ctx.header("ETag", feed.etag());
        ctx.header("Last-Modified", HttpDates.format(feed.lastModified()));
        if (Conditional.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), feed)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.contentType());
        ctx.result(feed.bytes());
    }
}
