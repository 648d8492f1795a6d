package org.tidings.web.admin;

import java.time.Instant;

/**
 * One logged-in admin browser: its id (the cookie), its CSRF token (in every form), when it was
 * last used, and a one-time notice for the next page ("Added feed...") after a redirect.
 */
final class AdminSession {
    private final String id;
    private final String csrf;
    private volatile Instant lastUsed;
    private volatile String notice;

    AdminSession(String id, String csrf, Instant now) {
        this.id = id;
        this.csrf = csrf;
        this.lastUsed = now;
    }

    String id() {
        return id;
    }

    String csrf() {
        return csrf;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant now) {
        lastUsed = now;
    }

    /** Shown once, on the next page this session sees. */
    void notice(String text) {
        notice = text;
    }

    String takeNotice() {
        String n = notice;
        notice = null;
        return n;
    }
}
