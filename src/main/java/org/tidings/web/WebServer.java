package org.tidings.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import org.tidings.config.WebConfig;
import org.tidings.render.Pages;
import org.tidings.web.admin.AdminRoutes;
import org.tidings.web.feeds.FeedRoutes;
import org.tidings.web.pages.PublicPages;
import org.tidings.web.pages.SubscribePages;
import org.tidings.web.pages.SubscriberPages;

/**
 * serve's HTTP server: the route groups for feed readers, subscribers, admins and operators, each
 * response with the security headers.
 * Unknown paths get a plain 404 and failures a one-line 500 (see {@link Failures}); more requests
 * than it can work on get 503 (see {@link OverloadGate}).
 */
public final class WebServer {

    private final Javalin app;
    private final List<Routes> groups;

    /**
     * @throws org.tidings.render.TemplateException when a page template is broken: serve stops
     *     at start, naming the file and line, rather than failing for the first visitor
     */
    public WebServer(WebParts parts) {
        List<Routes> groups = List.of(new FeedRoutes(parts.feeds()), new MetricsRoutes(parts),
                new StaticFiles(parts.templatesDir()), new PublicPages(parts.pages()),
                new SubscribePages(parts.pages()), new SubscriberPages(parts.pages()), new AdminRoutes(parts.admin()));
        PageWriter pages = new PageWriter(Pages.load(parts.templatesDir(),
                groups.stream().flatMap(g -> g.pages().stream()).distinct().toList()),
                Site.of(parts.siteTitle(), parts.pages().publicUrl()));
        this.groups = groups;
        WebConfig limits = parts.limits();
        this.app = Javalin.create(config -> {
            OverloadGate.install(config, limits.maxRequests(), limits.maxQueued());
            configure(config, groups, pages);
        });
    }

    private static void configure(JavalinConfig config, List<Routes> groups, PageWriter pages) {
        config.startup.showJavalinBanner = false;
        // Compressing per request would cost more CPU than rendering does once per change, and a
        // gzip body under the identity body's strong ETag would break the validator.
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.routes.before(SecurityHeaders::apply);
        groups.forEach(g -> g.register(config, pages));
        // A page that answered 404 itself (an unknown token...) keeps its friendly body.
        config.routes.error(404, ctx -> {
            if (ctx.attribute(PageWriter.RENDERED) == null) {
                plain(ctx, "Not found");
            }
        });
        Failures.install(config);
    }

    public static void plain(Context ctx, String line) {
        ctx.contentType("text/plain; charset=utf-8").result(line + "\n");
    }

    /**
     * Listens on {@code bind}:{@code port} and returns once requests are accepted.
     *
     * @param port 0 for any free port; {@link #port()} tells which
     * @throws WebServerException when it cannot listen there
     */
    public void start(String bind, int port) {
        try {
            app.start(bind, port);
        } catch (RuntimeException e) {
            throw new WebServerException("Could not listen on " + bind + ":" + port + ": " + rootMessage(e), e);
        }
    }

    public int port() {
        return app.port();
    }

    /** Takes no new connections and closes the server. */
    public void stop() {
        app.stop();
        groups.forEach(Routes::stop);
    }

    /** Waits for the route groups' background work, such as confirmation emails. */
    void awaitIdle(Duration limit) throws InterruptedException {
        for (Routes group : groups) {
            group.awaitIdle(limit);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
