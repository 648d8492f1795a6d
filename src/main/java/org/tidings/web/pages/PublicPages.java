package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.tidings.model.PublicLinks;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;

/**
 * For readers: the newest articles with the sign-up form, the archive of sent issues, and each
 * issue's web version.
 */
public final class PublicPages implements Routes {
    /**
     * An issue's web version is the digest's email HTML, styled with inline style attributes and a
     * style element because mail clients ignore stylesheets. This route alone allows inline
     * style; script stays forbidden (the content is sanitized, this is the second fence).
     */
    static final String ISSUE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    private final PageParts parts;

    public PublicPages(PageParts parts) {
        this.parts = parts;
    }

    @Override
    public List<String> pages() {
        return List.of("home", "archive", Notice.PAGE);
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        new HomePage(parts, pages).register(config);
        new ArchivePages(parts, pages, new PublicLinks(parts.publicUrl())).register(config);
        config.routes.get("/archive/{number}", ctx -> issue(ctx, pages));
    }

    /**
     * Served while the issue is still being sent too: its email links here from the first message.
     */
    private void issue(Context ctx, PageWriter pages) {
        Optional<String> html = issueNumber(ctx.pathParam("number")).flatMap(n -> parts.issues().webHtml(n));
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
