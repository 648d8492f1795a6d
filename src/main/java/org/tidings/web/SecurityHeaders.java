package org.tidings.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers on every response. The pages use no script and no inline style, so the policy forbids
 * both; feeds carry no script at all.
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            // For browsers older than frame-ancestors.
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ALL.forEach(ctx::header);
    }
}
