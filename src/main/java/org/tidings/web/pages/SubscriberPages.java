package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;
import org.tidings.web.WebServer;

/**
 * For subscribers, from the links in every email: unsubscribe (one button, and RFC 8058 one-click
 * for mail clients) and preferences. The secret token in the path is the only credential.
 */
public final class SubscriberPages implements Routes {
    private final PageParts parts;

    public SubscriberPages(PageParts parts) {
        this.parts = parts;
    }

    @Override
    public List<String> pages() {
        return List.of("unsubscribe", "preferences", Notice.PAGE);
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.get("/unsubscribe/{token}", ctx -> withSubscriber(ctx, pages, s -> unsubscribePage(ctx, pages, s)));
        config.routes.post("/unsubscribe/{token}", ctx -> unsubscribe(ctx, pages));
        config.routes.get("/preferences/{token}", ctx -> withSubscriber(ctx, pages,
                s -> preferences(ctx, pages, PreferencesForm.of(s, known()))));
        config.routes.post("/preferences/{token}", ctx -> withSubscriber(ctx, pages, s -> save(ctx, pages, s)));
    }

    private void unsubscribePage(Context ctx, PageWriter pages, Subscriber s) {
        if (s.status() == SubscriberStatus.UNSUBSCRIBED) {
            unsubscribed(ctx, pages, s);
            return;
        }
        pages.write(ctx, "unsubscribe", "Unsubscribe", Map.of("email", s.email().value(),
                "action", pages.site().links().unsubscribe(s.token()).toString()));
    }

    /**
     * RFC 8058: a mail client's one-click request is a POST whose body is exactly
     * {@code List-Unsubscribe=One-Click}; it wants a status, not a page to show.
     */
    private void unsubscribe(Context ctx, PageWriter pages) {
        boolean oneClick = "One-Click".equals(ctx.formParam("List-Unsubscribe"));
        Optional<Subscriber> found = parts.subscribers().findByToken(ctx.pathParam("token"));
        // The same as an unsubscribe by mail; already unsubscribed keeps its first date.
        found.ifPresent(s -> parts.subscribers().unsubscribe(s.id(), parts.clock().instant()));
        if (oneClick) {
            ctx.status(found.isPresent() ? 200 : 404);
            WebServer.plain(ctx, found.isPresent() ? "Unsubscribed" : "Not found");
        } else if (found.isEmpty()) {
            unknown(ctx, pages);
        } else {
            unsubscribed(ctx, pages, found.get());
        }
    }

    private void unsubscribed(Context ctx, PageWriter pages, Subscriber s) {
        new Notice(200, "You are unsubscribed", s.email() + " will receive no more issues. Changed your mind?"
                + " Sign up again below; we will ask you to confirm.").show(ctx, pages,
                        SubscribeForm.filled(known(), s.email().value(), nameOf(s), s.categories()));
    }

    private void preferences(Context ctx, PageWriter pages, PreferencesForm form) {
        Map<String, Object> values = new HashMap<>();
        values.put("form", form);
        values.put("action", pages.site().links().preferences(form.token()).toString());
        values.put("unsubscribeUrl", pages.site().links().unsubscribe(form.token()).toString());
        pages.write(ctx, "preferences", "Your preferences", values);
    }

    private void save(Context ctx, PageWriter pages, Subscriber s) {
        List<String> known = known();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        List<String> posted = ctx.formParams("categories");
        Optional<List<String>> chosen = CategoryChoice.match(known, posted);
        PreferencesForm form = PreferencesForm.of(s, known).with(name, chosen.orElse(posted));
        if (name.length() > SubscribeForm.MAX_NAME) {
            ctx.status(400);
            preferences(ctx, pages, form.withError("The name is too long (at most " + SubscribeForm.MAX_NAME
                    + " characters)."));
        } else if (chosen.isEmpty()) {
            ctx.status(400);
            preferences(ctx, pages, form.withError("Please choose among the listed categories."));
        } else {
            parts.subscribers().updatePreferences(s.id(), name, chosen.get());
            preferences(ctx, pages, form.afterSave());
        }
    }

    private interface SubscriberPage {
        void show(Subscriber s);
    }

    private void withSubscriber(Context ctx, PageWriter pages, SubscriberPage page) {
        parts.subscribers().findByToken(ctx.pathParam("token")).ifPresentOrElse(page::show, () -> unknown(ctx, pages));
    }

    private void unknown(Context ctx, PageWriter pages) {
        Notice.notFound("This link is not known. Use the link from your most recent email, or sign up again on"
                + " the front page.").show(ctx, pages);
    }

    private List<String> known() {
        return CategoryChoice.known(parts.feeds());
    }

    private static String nameOf(Subscriber s) {
        return s.name() == null ? "" : s.name();
    }
}
