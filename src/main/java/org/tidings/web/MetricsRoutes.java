package org.tidings.web;

import io.javalin.config.JavalinConfig;
import org.tidings.metrics.Metrics;

/**
 * For operators: {@code GET /healthz} (200 while the database answers and the scheduler runs,
 * else 503 with the reason) and {@code GET /metrics} in Prometheus' text format. Without authentication, like
 * most exporters: it shows counts and the JVM's state, no feed, article or subscriber data. A
 * server open to the internet keeps it to the monitoring network at its reverse proxy.
 */
final class MetricsRoutes implements Routes {
    private final Metrics metrics;
    private final HealthCheck health;

    MetricsRoutes(WebParts parts) {
        this.metrics = parts.metrics();
        // serve started them before its jobs; a server built alone (tests) measures from here on.
        metrics.start();
        this.health = new HealthCheck(parts.database(), parts.schedulerRunning());
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.get("/healthz", ctx -> health.problem().ifPresentOrElse(
                reason -> WebServer.plain(ctx.status(503), reason), () -> WebServer.plain(ctx, "ok")));
        config.routes.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape()));
    }
}
