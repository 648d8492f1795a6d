package org.tidings.web.feeds;

import io.javalin.config.JavalinConfig;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.web.HealthCheck;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;
import org.tidings.web.WebParts;
import org.tidings.web.WebServer;

/** For feed readers and operators: the merged feed in its three formats, and /healthz. */
public final class FeedRoutes implements Routes {
    private final MergedFeeds feeds;
    private final HealthCheck health;

    public FeedRoutes(WebParts parts) {
        this.feeds = new MergedFeeds(parts);
        this.health = new HealthCheck(parts.database(), parts.schedulerRunning());
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        for (MergedFeedFormat format : MergedFeedFormat.values()) {
            FeedEndpoint endpoint = new FeedEndpoint(feeds, format);
            config.routes.get(FeedEndpoint.path(format), endpoint);
            config.routes.head(FeedEndpoint.path(format), endpoint);
        }
        config.routes.get("/healthz", ctx -> health.problem().ifPresentOrElse(
                reason -> WebServer.plain(ctx.status(503), reason), () -> WebServer.plain(ctx, "ok")));
    }
}
