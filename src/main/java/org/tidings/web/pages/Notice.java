package org.tidings.web.pages;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.web.PageWriter;

/**
 * A page that says one thing ("check your inbox", "link expired"...) with its status code,
 * optionally followed by links and the sign-up form.
 */
record Notice(int status, String title, String text, List<Link> links) {
    static final String PAGE = "message";

    record Link(String href, String label) {
    }

    Notice(int status, String title, String text) {
        this(status, title, text, List.of());
    }

    void show(Context ctx, PageWriter pages) {
        show(ctx, pages, null);
    }

    /** @param form the sign-up form to show below, or null */
    void show(Context ctx, PageWriter pages, SubscribeForm form) {
        Map<String, Object> values = new HashMap<>();
        values.put("text", text);
        values.put("links", links);
        values.put("error", status >= 400);
        if (form != null) {
            values.put("form", form);
        }
        ctx.status(status);
        pages.write(ctx, PAGE, title, values);
    }

    static Notice notFound(String what) {
        return new Notice(404, "Not found", what);
    }
}
