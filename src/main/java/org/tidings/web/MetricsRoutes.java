package org.tidings.web;

import io.javalin.config.JavalinConfig;
import org.tidings.metrics.Metrics;

/**
 * For operators: {@code GET /metrics} in Prometheus' text format. Without authentication, like
 * most exporters: it shows counts and the JVM's state, no feed, article or subscriber data. A
 * server open to the internet keeps it to the monitoring network at its reverse proxy.
 */
final class MetricsRoutes implements Routes {
    private final Metrics metrics;

    MetricsRoutes(WebParts parts) {
        this.metrics = parts.app().metrics();
        // serve started them before its jobs; a server built alone (tests) measures from here on.
        metrics.start();
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape()));
    }
}
