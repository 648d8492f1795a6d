package org.tidings.web;

import java.net.URI;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleStore;
import org.tidings.store.Database;

/**
 * What the web server serves from, wired by the composition root.
 *
 * @param publicUrl where readers reach Tidings; the feeds' self links point there
 * @param schedulerRunning whether serve's jobs still run, for /healthz
 */
public record WebParts(ArticleStore articles, MergedFeedWriter writer, URI publicUrl, Database database,
        BooleanSupplier schedulerRunning, FeedCaching caching) {
    public WebParts {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schedulerRunning, "schedulerRunning");
        Objects.requireNonNull(caching, "caching");
    }
}
