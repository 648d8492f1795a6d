package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.tidings.Tidings;
import org.tidings.model.FeedStatus;

/** {@code /admin}: where things stand, with the two pictures that beat a table. */
final class AdminDashboard {
    private final Tidings app;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminDashboard(Tidings app, AdminGate gate, AdminPages pages) {
        this.app = app;
        this.gate = gate;
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin", gate.page(this::show));
    }

    private void show(Context ctx, AdminSession session) {
        ZoneId zone = app.config().digest().zone();
        Instant now = app.clock().instant();
        // One day more than the chart shows, so its first day is complete in any time zone.
        Instant since = now.minus(Duration.ofDays(Charts.DAYS + 1));
        Map<FeedStatus, Long> byStatus = app.feeds().countByStatus();
        pages.write(ctx, session, "admin-dashboard", "Admin", Map.of(
                "articles", Charts.articlesPerDay(app.articles().firstSeenTimesSince(since), now.atZone(zone)
                        .toLocalDate(), zone),
                "health", Charts.feedsByHealth(byStatus),
                "feedCount", byStatus.values().stream().mapToLong(Long::longValue).sum(),
                "articleCount", app.articles().count()));
    }
}
