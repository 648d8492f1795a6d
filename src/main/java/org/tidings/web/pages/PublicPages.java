package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidings.Tidings;
import org.tidings.model.Article;
import org.tidings.model.PublicLinks;
import org.tidings.model.SentIssue;
import org.tidings.publish.ArchiveFeedWriter;
import org.tidings.render.ArticleDays;
import org.tidings.store.ArticleQuery;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;
import org.tidings.web.WebParts;

/** For readers: the newest articles with the sign-up form, and the archive of sent issues. */
public final class PublicPages implements Routes {
    private static final int LATEST = 60;
    /**
     * An issue's web version is the digest's email HTML, styled with inline style attributes and a
     * style element because mail clients ignore stylesheets. This route alone allows inline
     * style; script stays forbidden (the content is sanitized, this is the second fence).
     */
    static final String ISSUE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    private final Tidings app;
    private final ZoneId zone;
    private final ArchiveFeedWriter archiveFeed;

    public PublicPages(WebParts parts) {
        this.app = parts.app();
        this.zone = app.config().digest().zone();
        this.archiveFeed = new ArchiveFeedWriter(new PublicLinks(parts.publicUrl()), app.config().digest().title());
    }

    @Override
    public List<String> pages() {
        return List.of("home", "archive", Notice.PAGE);
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.get("/", ctx -> home(ctx, pages));
        config.routes.get("/archive", ctx -> archive(ctx, pages));
        config.routes.get("/archive.atom", this::archiveFeed);
        config.routes.get("/archive/{number}", ctx -> issue(ctx, pages));
    }

    private void home(Context ctx, PageWriter pages) {
        List<Article> latest = app.articles().newest(new ArticleQuery(null, LATEST));
        pages.write(ctx, "home", "Latest articles", Map.of("days", ArticleDays.of(latest, zone),
                "hasDays", !latest.isEmpty(), "form", SubscribeForm.empty(CategoryChoice.known(app.feeds()))));
    }

    private void archive(Context ctx, PageWriter pages) {
        List<SentIssue> sent = app.issues().sent();
        List<Map<String, Object>> issues = sent.stream().map(i -> Map.<String, Object>of("number", i.number(),
                "subject", i.subject(), "datetime", i.sentAt().toString(), "date", Dates.day(i.sentAt(), zone)))
                .toList();
        pages.write(ctx, "archive", "Archive", Map.of("issues", issues, "hasIssues", !issues.isEmpty()));
    }

    private void archiveFeed(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archiveFeed.write(app.issues().sent(), out);
        ctx.contentType("application/atom+xml; charset=utf-8").result(out.toByteArray());
    }

    /**
     * Served while the issue is still being sent too: its email links here from the first message.
     */
    private void issue(Context ctx, PageWriter pages) {
        Optional<String> html = issueNumber(ctx.pathParam("number")).flatMap(n -> app.issues().webHtml(n));
        if (html.isEmpty()) {
            Notice.notFound("There is no such issue. The archive lists every issue sent so far.").show(ctx, pages);
            return;
        }
        ctx.header("Content-Security-Policy", ISSUE_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(html.get());
    }

    private static Optional<Integer> issueNumber(String text) {
        return text.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }
}
