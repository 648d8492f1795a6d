package org.tidings.web.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.net.URI;
import org.tidings.config.AdminConfig;
import org.tidings.web.PageWriter;

/**
 * What every admin route passes first: the admin must be on (a password is set), the browser
 * must hold a live session (else it is sent to the login page), and a POST must carry the
 * session's CSRF token. The session cookie is HttpOnly and SameSite=Strict, limited to the
 * admin's path, and Secure when Tidings is public over https.
 */
final class AdminGate {
    static final String COOKIE = "tidings_admin";
    static final String CSRF_FIELD = "csrf";

    private final Sessions sessions;
    private final PageWriter pages;
    private final boolean enabled;
    private final boolean secure;
    private final String base;

    AdminGate(Sessions sessions, AdminConfig admin, URI publicUrl, PageWriter pages) {
        this.sessions = sessions;
        this.pages = pages;
        this.enabled = admin.enabled();
        this.secure = "https".equals(publicUrl.getScheme());
        this.base = pages.site().base();
    }

    /** An admin page or action, given the session it runs in. */
    @FunctionalInterface
    interface AdminHandler {
        void handle(Context ctx, AdminSession session) throws Exception;
    }

    boolean enabled() {
        return enabled;
    }

    /** A GET page: needs a session. */
    Handler page(AdminHandler h) {
        return ctx -> {
            Optional<AdminSession> s = session(ctx);
            if (s.isPresent()) {
                h.handle(ctx, s.get());
            }
        };
    }

    /** A POST: needs a session and the session's CSRF token in the form. */
    Handler action(AdminHandler h) {
        return ctx -> {
            Optional<AdminSession> s = session(ctx);
            if (s.isEmpty()) {
                return;
            }
            if (!sameSecret(ctx.formParam(CSRF_FIELD), s.get().csrf())) {
                throw new AdminProblem(403, "This form has expired or did not come from this admin."
                        + " Go back, reload the page and try again.");
            }
            h.handle(ctx, s.get());
        };
    }

    /** The session, or empty after answering: off (404 page) or not logged in (303 to the login page). */
    private Optional<AdminSession> session(Context ctx) {
        if (!enabled) {
            off(ctx);
            return Optional.empty();
        }
        Optional<AdminSession> s = sessions.find(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            ctx.redirect(base + "/admin/login", HttpStatus.SEE_OTHER);
        }
        return s;
    }

    /** Without a password the admin does not exist; the page says how to turn it on. */
    void off(Context ctx) {
        pages.write(ctx.status(404), "admin-off", "Admin is off", Map.of());
    }

    void start(Context ctx) {
        AdminSession s = sessions.create();
        ctx.cookie(cookie(s.id(), -1));
    }

    void end(Context ctx) {
        sessions.remove(ctx.cookie(COOKIE));
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie c = new Cookie(COOKIE, value);
        c.setPath(base + "/admin");
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSecure(secure);
        c.setSameSite(SameSite.STRICT);
        return c;
    }

    /** Constant time, so response times tell nothing about how much of a guess was right. */
    static boolean sameSecret(String given, String expected) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    /** Equal-length digests: isEqual would otherwise return early on a length mismatch. */
    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
