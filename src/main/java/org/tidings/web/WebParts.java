package org.tidings.web;

import java.net.URI;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tidings.Tidings;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleStore;
import org.tidings.store.Database;
import org.tidings.web.cache.Caching;

/**
 * What the web server serves from: the application's parts, as the command line uses them.
 *
 * @param schedulerRunning whether serve's jobs still run, for /healthz
 * @param caching how long a rendered merged feed may be served before the database is asked again
 * @param sendIssueNow the admin's "send now": fires serve's newsletter job, so the issue goes out
 *     through the same job (and its lock and retries) as a scheduled one
 */
public record WebParts(Tidings app, BooleanSupplier schedulerRunning, Caching caching, Runnable sendIssueNow) {
    public WebParts {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(schedulerRunning, "schedulerRunning");
        Objects.requireNonNull(caching, "caching");
        Objects.requireNonNull(sendIssueNow, "sendIssueNow");
    }

    public ArticleStore articles() {
        return app.articles();
    }

    public MergedFeedWriter writer() {
        return new MergedFeedWriter(app.clock());
    }

    /** Where readers reach Tidings; self links and page links point there. */
    public URI publicUrl() {
        return app.config().publicUrl();
    }

    public Database database() {
        return app.database();
    }
}
