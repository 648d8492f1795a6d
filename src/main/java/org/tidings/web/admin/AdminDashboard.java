package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.tidings.model.FeedStatus;

/** {@code /admin}: where things stand, with the two pictures that beat a table. */
final class AdminDashboard {
    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminDashboard(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin", gate.page(this::show));
    }

    private void show(Context ctx, AdminSession session) {
        ZoneId zone = parts.digest().zone();
        Instant now = parts.clock().instant();
        // One day more than the chart shows, so its first day is complete in any time zone.
        Instant since = now.minus(Duration.ofDays(Charts.DAYS + 1));
        Map<FeedStatus, Long> byStatus = parts.feeds().countByStatus();
        pages.write(ctx, session, "admin-dashboard", "Admin", Map.of(
                "articles", Charts.articlesPerDay(parts.articles().firstSeenTimesSince(since), now.atZone(zone)
                        .toLocalDate(), zone),
                "health", Charts.feedsByHealth(byStatus),
                "feedCount", byStatus.values().stream().mapToLong(Long::longValue).sum(),
                "articleCount", parts.articles().count()));
    }
}
