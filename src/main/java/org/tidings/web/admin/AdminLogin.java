package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.tidings.web.ClientAddress;
import org.tidings.web.PageWriter;

/**
 * {@code /admin/login} and {@code /admin/logout}. Passwords are compared in constant time;
 * failures are counted per client address, and too many answer 429 without even checking.
 */
final class AdminLogin {
    private final AdminGate gate;
    private final PageWriter pages;
    private final LoginThrottle throttle;
    private final String password;

    AdminLogin(AdminGate gate, PageWriter pages, LoginThrottle throttle, String password) {
        this.gate = gate;
        this.pages = pages;
        this.throttle = throttle;
        this.password = password;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/login", this::form);
        config.routes.post("/admin/login", this::login);
        config.routes.post("/admin/logout", gate.action((ctx, session) -> {
            gate.end(ctx);
            ctx.redirect(pages.site().base() + "/admin/login", HttpStatus.SEE_OTHER);
        }));
    }

    private void form(Context ctx) {
        if (!gate.enabled()) {
            gate.off(ctx);
            return;
        }
        pages.write(ctx, "admin-login", "Admin login", Map.of());
    }

    private void login(Context ctx) {
        if (!gate.enabled()) {
            gate.off(ctx);
            return;
        }
        // As for sign-ups: behind a local reverse proxy, the client rather than the proxy.
        String address = ClientAddress.of(ctx);
        if (!throttle.allow(address)) {
            pages.write(ctx.status(429), "admin-login", "Admin login", Map.of("error",
                    "Too many failed logins from your address. Try again in "
                            + LoginThrottle.WINDOW.toMinutes() + " minutes."));
            return;
        }
        if (!AdminGate.sameSecret(ctx.formParam("password"), password)) {
            pages.write(ctx.status(401), "admin-login", "Admin login", Map.of("error", "Wrong password."));
            return;
        }
        throttle.succeeded(address);
        gate.start(ctx);
        ctx.redirect(pages.site().base() + "/admin", HttpStatus.SEE_OTHER);
    }
}
