package org.tidings.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.tidings.render.Pages;

/**
 * Renders a page into a response: the page's own values plus {@code site} and {@code title},
 * as text/html. A written page may not be cached: pages show live state and carry CSRF tokens. The
 * pages that carry neither (the front page, the archive) are rendered with {@link #html} into the
 * render cache instead.
 */
public final class PageWriter {
    /** Marks a response whose body is a page, so error handlers leave it alone. */
    static final String RENDERED = "tidings.page";
    public static final String HTML = "text/html; charset=utf-8";

    private final Pages pages;
    private final Site site;

    PageWriter(Pages pages, Site site) {
        this.pages = pages;
        this.site = site;
    }

    public Site site() {
        return site;
    }

    /** @param values the page's own values; "site" and "title" are added */
    public void write(Context ctx, String page, String title, Map<String, Object> values) {
        ctx.header("Cache-Control", "no-store");
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.contentType(HTML).result(html(page, title, values));
    }

    /** The page as {@link #write} would send it, for a page that shows the same to every visitor. */
    public String html(String page, String title, Map<String, Object> values) {
        Map<String, Object> view = new HashMap<>(values);
        view.put("site", site);
        view.put("title", title);
        return pages.render(page, view);
    }
}
