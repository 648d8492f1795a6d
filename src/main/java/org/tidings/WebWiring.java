package org.tidings;

import java.util.function.BooleanSupplier;
import org.tidings.config.TidingsConfig;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.web.WebParts;
import org.tidings.web.WebServer;
import org.tidings.web.admin.AdminParts;
import org.tidings.web.cache.Caching;
import org.tidings.web.feeds.FeedParts;
import org.tidings.web.pages.PageParts;

/**
 * Wires serve's web server from the root's parts: each route group gets its own slice, and the
 * web package never sees the root.
 */
public final class WebWiring {
    private WebWiring() {
    }

    /**
     * serve's web server, not started yet.
     *
     * @param schedulerRunning whether the jobs run, for /healthz
     * @param sendIssueNow fires the newsletter job now, for the admin's "send now"
     */
    public static WebServer webServer(Tidings t, BooleanSupplier schedulerRunning, Runnable sendIssueNow) {
        return new WebServer(parts(t, Caching.standard(t.clock()), schedulerRunning, sendIssueNow));
    }

    /** The slices, with the caching given (tests pass a shorter one). */
    public static WebParts parts(Tidings t, Caching caching, BooleanSupplier schedulerRunning, Runnable sendIssueNow) {
        TidingsConfig config = t.config();
        PageParts pages = new PageParts(t.feeds(), t.articles(), t.subscribers(), t.issues(), t.clientAttempts(),
                t::newsletter,
                t.clock(), config.digest(), config.web(), config.publicUrl(), caching);
        AdminParts admin = new AdminParts(t.feeds(), t.articles(), t.subscribers(), t.subscriberList(), t.issues(),
                t.deliveries(), t.mailEvents(), t.adminSessions(), t.clientAttempts(),
                t::feedAdder, t::ingestRun, t::newsletter, t.clock(), config.admin(), config.digest(), config.fetch(),
                config.publicUrl(), sendIssueNow);
        FeedParts feeds = new FeedParts(t.articles(), new MergedFeedWriter(t.clock()), config.publicUrl(), caching);
        return new WebParts(pages, admin, feeds, t.metrics(), t.database(), schedulerRunning,
                config.digest().templatesDir(), config.digest().title(), config.web());
    }
}
