package org.tidings.web.feeds;

import io.javalin.config.JavalinConfig;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;

/** For feed readers: the merged feed in its three formats. */
public final class FeedRoutes implements Routes {
    private final MergedFeeds feeds;

    public FeedRoutes(FeedParts parts) {
        this.feeds = new MergedFeeds(parts);
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        for (MergedFeedFormat format : MergedFeedFormat.values()) {
            FeedEndpoint endpoint = new FeedEndpoint(feeds, format);
            config.routes.get(FeedEndpoint.path(format), endpoint);
            config.routes.head(FeedEndpoint.path(format), endpoint);
        }
    }
}
