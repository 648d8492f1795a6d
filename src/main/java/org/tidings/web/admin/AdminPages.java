package org.tidings.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.tidings.web.PageWriter;

/**
 * Writes admin pages: each gets the session's CSRF token for its forms and the notice left by
 * the action that redirected here. Times are shown in digest.zone, the newsletter's zone.
 */
final class AdminPages {
    private final PageWriter pages;
    private final Sessions sessions;
    private final DateTimeFormatter times;

    AdminPages(PageWriter pages, Sessions sessions, ZoneId zone) {
        this.pages = pages;
        this.sessions = sessions;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    void write(Context ctx, AdminSession session, String page, String title, Map<String, Object> values) {
        Map<String, Object> view = new HashMap<>(values);
        view.put("csrf", session.csrf());
        String notice = sessions.takeNotice(session);
        if (notice != null) {
            view.put("notice", notice);
        }
        pages.write(ctx, page, title, view);
    }

    /** An outcome or a refusal, on a page of its own, with the status it deserves. */
    void message(Context ctx, int status, String title, String message) {
        pages.write(ctx.status(status), "admin-message", title, Map.of("message", message));
    }

    /** Post/redirect/get: the outcome shows once on the page redirected to, and a reload repeats nothing. */
    void redirect(Context ctx, AdminSession session, String path, String notice) {
        sessions.notice(session, notice);
        ctx.redirect(pages.site().base() + path, HttpStatus.SEE_OTHER);
    }

    String siteName() {
        return pages.site().name();
    }

    /** "2026-11-23 10:00", or "" for never. */
    String time(Instant t) {
        return t == null ? "" : times.format(t);
    }

    /** A query or form value as a positive id, else a 404 page that names what was asked for. */
    static long id(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminProblem.notFound("No " + what + " " + text + ".");
    }
}
