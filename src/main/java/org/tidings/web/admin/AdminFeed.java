package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.config.FetchConfig;
import org.tidings.ingest.FeedOutcome;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.store.FeedEdit;

/**
 * {@code /admin/feeds/{id}}: one feed's details; edit its title, category and own fetch interval;
 * pause, resume, fetch now; and remove it, after a confirmation page, since its articles go too.
 */
final class AdminFeed {
    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminFeed(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/feeds/{id}", gate.page(this::show));
        config.routes.post("/admin/feeds/{id}", gate.action(this::edit));
        config.routes.post("/admin/feeds/{id}/pause", gate.action((ctx, s) -> setStatus(ctx, s, FeedStatus.PAUSED)));
        config.routes.post("/admin/feeds/{id}/resume", gate.action((ctx, s) -> setStatus(ctx, s, FeedStatus.ACTIVE)));
        config.routes.post("/admin/feeds/{id}/fetch", gate.action(this::fetchNow));
        config.routes.get("/admin/feeds/{id}/remove", gate.page(this::confirmRemove));
        config.routes.post("/admin/feeds/{id}/remove", gate.action(this::remove));
    }

    private Feed feed(Context ctx) {
        long id = AdminPages.id(ctx.pathParam("id"), "feed");
        return parts.feeds().find(id).orElseThrow(() -> AdminProblem.notFound("No feed " + id + "."));
    }

    private void show(Context ctx, AdminSession session) {
        Feed f = feed(ctx);
        Map<String, Object> v = new HashMap<>();
        v.put("id", f.id());
        v.put("title", f.title() == null ? "" : f.title());
        v.put("displayTitle", f.displayTitle());
        v.put("url", f.url().toString());
        v.put("category", f.category() == null ? "" : f.category());
        v.put("interval", f.intervalMinutes() == null ? "" : f.intervalMinutes().toString());
        v.put("defaultInterval", parts.fetch().interval().toMinutes());
        v.put("minInterval", parts.fetch().minInterval().toMinutes());
        v.put("maxInterval", parts.fetch().maxInterval().toMinutes());
        v.put("status", f.status().code());
        v.put("paused", f.status() == FeedStatus.PAUSED);
        v.put("lastFetch", pages.time(f.lastFetchedAt()));
        v.put("lastError", f.lastError() == null ? "" : f.lastError());
        pages.write(ctx, session, "admin-feed", f.displayTitle(), v);
    }

    private void edit(Context ctx, AdminSession session) {
        Feed f = feed(ctx);
        parts.feeds().edit(f.id(), new FeedEdit(ctx.formParam("title"), ctx.formParam("category"),
                interval(ctx.formParam("interval"), parts.fetch())));
        pages.redirect(ctx, session, "/admin/feeds/" + f.id(), "Saved.");
    }

    /** Blank keeps fetch.interval; anything else must be whole minutes the scheduler will honour. */
    static Integer interval(String text, FetchConfig fetch) {
        if (text == null || text.isBlank()) {
            return null;
        }
        long min = fetch.minInterval().toMinutes();
        long max = fetch.maxInterval().toMinutes();
        try {
            int minutes = Integer.parseInt(text.strip());
            if (minutes >= min && minutes <= max) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminProblem.badRequest("The interval must be a whole number of minutes from " + min + " to " + max
                + " (fetch.min-interval and fetch.max-interval), or empty for fetch.interval; got '" + text + "'.");
    }

    private void setStatus(Context ctx, AdminSession session, FeedStatus status) {
        Feed f = feed(ctx);
        parts.feeds().setStatus(f.id(), status);
        pages.redirect(ctx, session, "/admin/feeds", (status == FeedStatus.PAUSED ? "Paused " : "Resumed ")
                + f.displayTitle() + ".");
    }

    private void fetchNow(Context ctx, AdminSession session) throws InterruptedException {
        Feed f = feed(ctx);
        List<FeedOutcome> outcomes = new ArrayList<>();
        parts.ingestRun().run(List.of(f), outcomes::add);
        String outcome = outcomes.isEmpty() ? f.displayTitle() + ": not fetched" : outcomes.get(0).describe();
        pages.redirect(ctx, session, "/admin/feeds", "Fetched " + outcome + ".");
    }

    private void confirmRemove(Context ctx, AdminSession session) {
        Feed f = feed(ctx);
        pages.write(ctx, session, "admin-confirm", "Remove " + f.displayTitle(), Map.of(
                "question", "Remove the feed " + f.displayTitle() + " <" + f.url() + "> and all its articles?",
                "action", "/admin/feeds/" + f.id() + "/remove", "button", "Remove the feed",
                "back", "/admin/feeds"));
    }

    private void remove(Context ctx, AdminSession session) {
        Feed f = feed(ctx);
        parts.feeds().remove(f.id());
        pages.redirect(ctx, session, "/admin/feeds", "Removed " + f.displayTitle() + " and its articles.");
    }
}
