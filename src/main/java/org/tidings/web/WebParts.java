package org.tidings.web;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tidings.config.WebConfig;
import org.tidings.metrics.Metrics;
import org.tidings.store.Database;
import org.tidings.web.admin.AdminParts;
import org.tidings.web.feeds.FeedParts;
import org.tidings.web.pages.PageParts;

/**
 * What the web server serves from: each route group's own slice of the application, wired by
 * the composition root, and what the server itself needs.
 *
 * @param database the pool and schema, for /healthz
 * @param schedulerRunning whether serve's jobs still run, for /healthz
 * @param templatesDir where admins keep the page templates and their static files
 * @param siteTitle the name every page shows
 * @param limits requests at once and queued, before 503
 */
public record WebParts(PageParts pages, AdminParts admin, FeedParts feeds, Metrics metrics, Database database,
        BooleanSupplier schedulerRunning, Path templatesDir, String siteTitle, WebConfig limits) {
    public WebParts {
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schedulerRunning, "schedulerRunning");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(siteTitle, "siteTitle");
        Objects.requireNonNull(limits, "limits");
    }
}
