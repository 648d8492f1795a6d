package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import java.util.List;
import org.tidings.mail.MailUnavailableException;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;

/**
 * {@code /admin}: the pages for whoever runs Tidings, behind one password ({@code admin.password}).
 * Without a password the admin is off and its pages say how to turn it on.
 */
public final class AdminRoutes implements Routes {
    private final AdminParts parts;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public AdminRoutes(AdminParts parts) {
        this.parts = parts;
        this.sessions = new Sessions(parts.sessions(), parts.clock());
        this.throttle = new LoginThrottle(parts.attempts(), parts.clock());
    }

    @Override
    public List<String> pages() {
        return List.of("admin-off", "admin-login", "admin-message", "admin-confirm", "admin-dashboard",
                "admin-feeds", "admin-feed", "admin-subscribers", "admin-subscriber", "admin-newsletter");
    }

    @Override
    public void register(JavalinConfig config, PageWriter writer) {
        AdminGate gate = new AdminGate(sessions, parts.admin(), parts.publicUrl(), writer);
        AdminPages pages = new AdminPages(writer, sessions, parts.digest().zone());
        new AdminLogin(gate, writer, throttle, parts.admin().password()).register(config);
        new AdminDashboard(parts, gate, pages).register(config);
        // The fixed paths first: /admin/feeds/export is not the feed with id "export".
        new AdminFeeds(parts, gate, pages).register(config);
        new AdminFeed(parts, gate, pages).register(config);
        new AdminSubscribers(parts, gate, pages).register(config);
        new AdminSubscriber(parts, gate, pages).register(config);
        new AdminNewsletter(parts, gate, pages).register(config);
        config.routes.exception(AdminProblem.class, (e, ctx) -> pages.message(ctx, e.status(),
                e.status() == 403 ? "Refused" : e.status() == 404 ? "Not found" : "Cannot do that", e.getMessage()));
        config.routes.exception(MailUnavailableException.class, (e, ctx) -> pages.message(ctx, 503,
                "Mail server unavailable", "The mail server could not be reached: " + e.getMessage()
                        + ". What was stored is kept; try the emails again later."));
    }
}
