package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.ingest.AddOutcome;
import org.tidings.ingest.AddRequest;
import org.tidings.ingest.FeedListImport;
import org.tidings.ingest.Urls;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.opml.OpmlDocument;
import org.tidings.opml.OpmlException;
import org.tidings.opml.OpmlOutline;
import org.tidings.opml.OpmlReader;
import org.tidings.opml.OpmlWriter;

/**
 * {@code /admin/feeds}: every feed with its health at a glance, adding one (with the same check
 * and discovery as {@code feeds add}), and the feed list as OPML, in and out.
 */
final class AdminFeeds {
    static final int PAGE = 100;

    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminFeeds(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/feeds", gate.page(this::list));
        config.routes.post("/admin/feeds", gate.action(this::add));
        config.routes.get("/admin/feeds/export", gate.page(this::export));
        config.routes.post("/admin/feeds/import", gate.action(this::importOpml));
    }

    /** One row of the list. */
    record Row(long id, String title, String url, String category, String status, String lastFetch,
            String lastError, long perWeek, String nextFetch) {
    }

    /** A page of feeds in the order they were added, after the id {@code after}: keyset paging. */
    private void list(Context ctx, AdminSession session) {
        Instant now = parts.clock().instant();
        long after = after(ctx.queryParam("after"));
        List<Feed> page = parts.feeds().page(after, PAGE + 1);
        Map<Long, Long> perWeek = parts.articles().countsByFeedSince(now.minus(Duration.ofDays(7)));
        List<Row> rows = page.stream().limit(PAGE).map(f -> new Row(f.id(), f.displayTitle(), f.url().toString(),
                f.category(), f.status().code(), pages.time(f.lastFetchedAt()), f.lastError(),
                perWeek.getOrDefault(f.id(), 0L), nextFetch(f))).toList();
        Map<String, Object> v = new HashMap<>();
        v.put("feeds", rows);
        v.put("count", parts.feeds().count());
        if (after > 0) {
            v.put("first", true);
        }
        if (page.size() > PAGE) {
            v.put("next", rows.get(rows.size() - 1).id());
        }
        pages.write(ctx, session, "admin-feeds", "Feeds", v);
    }

    private static long after(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw AdminProblem.badRequest("Not a feed id: " + text);
        }
    }

    private String nextFetch(Feed f) {
        if (f.status() == FeedStatus.PAUSED || f.status() == FeedStatus.GONE) {
            return "never";
        }
        return f.nextFetchAt() == null ? "now" : pages.time(f.nextFetchAt());
    }

    private void add(Context ctx, AdminSession session) {
        AddRequest request;
        try {
            request = new AddRequest(Urls.parse(AdminForms.required(ctx, "url", "the feed's URL")),
                    ctx.formParam("title"), ctx.formParam("category"), true);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("Could not add the feed: " + e.getMessage());
        }
        AddOutcome outcome = parts.feedAdder().add(request);
        if (outcome instanceof AddOutcome.Refused r) {
            pages.message(ctx, 422, "Feed not added", "Could not add the feed: " + r.reason());
            return;
        }
        pages.redirect(ctx, session, "/admin/feeds", describe(outcome));
    }

    private static String describe(AddOutcome outcome) {
        if (outcome instanceof AddOutcome.AlreadyPresent p) {
            return "Already subscribed: " + p.feed().displayTitle() + " <" + p.feed().url() + ">";
        }
        AddOutcome.Added a = (AddOutcome.Added) outcome;
        return (a.discoveredFrom() == null ? "" : a.discoveredFrom() + " is a web page; found its feed. ")
                + "Added " + a.feed().displayTitle() + " <" + a.feed().url() + "> with " + a.articles() + (a.articles() == 1 ? " article." : " articles.");
    }

    private void export(Context ctx, AdminSession session) {
        List<OpmlOutline> outlines = parts.feeds().list().stream()
                .map(f -> new OpmlOutline(f.url(), f.title(), f.siteUrl(), f.category())).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpmlWriter().write(pages.siteName() + " feeds", outlines, parts.clock().instant(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"feeds.opml\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/x-opml; charset=utf-8").result(out.toByteArray());
    }

    private void importOpml(Context ctx, AdminSession session) throws IOException {
        UploadedFile file = AdminForms.upload(ctx, "file", "an OPML file");
        OpmlDocument doc;
        try (InputStream in = file.content()) {
            doc = new OpmlReader().read(in);
        } catch (OpmlException e) {
            throw AdminProblem.badRequest("Could not read " + file.filename() + ": " + e.getMessage());
        }
        FeedListImport.Counts c = new FeedListImport(parts.feeds(), parts.clock()).add(doc.feeds());
        String problems = doc.problems().isEmpty() ? "" : " Skipped: " + String.join("; ", doc.problems()) + ".";
        pages.redirect(ctx, session, "/admin/feeds", "Imported " + c.added() + " feeds (" + c.alreadyPresent()
                + " already subscribed). They are fetched at the next refresh." + problems);
    }
}
