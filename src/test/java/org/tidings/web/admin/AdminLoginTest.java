package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.web.WebFixture;

/** The admin's door: the password, the session cookie, the rate limit, CSRF, and the admin off. */
class AdminLoginTest {
    @TempDir
    Path dir;
    private WebFixture web;

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void everyAdminPageRedirectsToTheLoginWithoutASession() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web);

        for (String path : List.of("/admin", "/admin/feeds", "/admin/subscribers", "/admin/newsletter",
                "/admin/feeds/export", "/admin/newsletter/preview")) {
            HttpResponse<String> r = browser.get(path);

            assertEquals(303, r.statusCode(), path);
            assertEquals("/admin/login", r.headers().firstValue("Location").orElse(null), path);
        }
        assertEquals(303, browser.post("/admin/feeds", Map.of("url", "https://example.org/feed")).statusCode());
    }

    @Test
    void theRightPasswordGivesAStrictHttpOnlySessionCookieForTheAdminOnly() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web);

        HttpResponse<String> r = browser.post("/admin/login", Map.of("password", AdminClient.PASSWORD));

        assertEquals(303, r.statusCode());
        assertEquals("/admin", r.headers().firstValue("Location").orElse(null));
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("tidings_admin=[A-Za-z0-9_-]{43};.*"), cookie);
        assertTrue(cookie.contains("Path=/admin") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        HttpResponse<String> dashboard = browser.get("/admin");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("<h1>Admin</h1>"), dashboard.body());
    }

    @Test
    void theCookieIsSecureWhenThePublicUrlIsHttps() throws Exception {
        web = new WebFixture(dir, Map.of("TIDINGS_ADMIN_PASSWORD", AdminClient.PASSWORD));

        HttpResponse<String> r = new AdminClient(web).post("/admin/login", Map.of("password", AdminClient.PASSWORD));

        assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"));
    }

    @Test
    void aWrongPasswordGets401AndNoSession() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web);

        HttpResponse<String> r = browser.post("/admin/login", Map.of("password", "guess"));

        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Wrong password."), r.body());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(303, browser.get("/admin").statusCode());
    }

    @Test
    void guessesSentInParallelGetNoMoreTriesThanOneByOne() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String guess = "guess " + i;
                guesses.add(pool.submit(() -> browser.post("/admin/login", Map.of("password", guess)).statusCode()));
            }
            int wrong = 0;
            for (Future<Integer> g : guesses) {
                wrong += g.get() == 401 ? 1 : 0;
            }

            assertEquals(LoginThrottle.MAX_FAILURES, wrong);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiveFailuresBlockTheAddressFor15MinutesEvenWithTheRightPassword() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(401, browser.post("/admin/login", Map.of("password", "guess " + i)).statusCode());
        }

        HttpResponse<String> blocked = browser.post("/admin/login", Map.of("password", AdminClient.PASSWORD));
        web.clock.advance(LoginThrottle.WINDOW);
        HttpResponse<String> later = browser.post("/admin/login", Map.of("password", AdminClient.PASSWORD));

        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Too many failed logins"), blocked.body());
        assertEquals(303, later.statusCode());
    }

    @Test
    void aSessionEndsAtLogoutAndAfter12IdleHours() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web).login();
        AdminClient idle = new AdminClient(web).login();

        assertEquals(303, browser.submit("/admin/logout").statusCode());
        web.clock.advance(Sessions.IDLE);

        assertEquals(303, browser.get("/admin").statusCode());
        assertEquals(303, idle.get("/admin").statusCode());
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        web = AdminClient.adminServer(dir);
        AdminClient browser = new AdminClient(web).login();
        AdminClient other = new AdminClient(web).login();
        assertNotEquals(browser.csrf(), other.csrf());

        HttpResponse<String> none = browser.post("/admin/subscribers", Map.of("email", "a@example.org"));
        HttpResponse<String> wrong = browser.post("/admin/subscribers", Map.of("email", "a@example.org",
                "csrf", other.csrf()));

        assertEquals(403, none.statusCode());
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("This form has expired"), wrong.body());
        assertEquals(0, web.tidings.subscriberList().countMatching(""));
        assertEquals(303, browser.submit("/admin/subscribers", "email", "a@example.org", "confirmed", "yes")
                .statusCode());
        assertEquals(1, web.tidings.subscriberList().countMatching(""));
    }

    @Test
    void withoutAPasswordTheAdminIsOffAndSaysHowToTurnItOn() throws Exception {
        web = new WebFixture(dir);
        AdminClient browser = new AdminClient(web);

        for (String path : List.of("/admin", "/admin/login", "/admin/feeds")) {
            HttpResponse<String> r = browser.get(path);

            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("TIDINGS_ADMIN_PASSWORD"), r.body());
        }
        assertEquals(404, browser.post("/admin/login", Map.of("password", "")).statusCode());
    }
}
