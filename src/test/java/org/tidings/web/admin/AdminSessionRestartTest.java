package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.web.WebFixture;

/**
 * The admin's sessions and login throttle live in the database: a restart of the server keeps an
 * admin logged in, and two servers on one database (two nodes behind a load balancer) agree on
 * who is logged in and who has guessed too often.
 */
class AdminSessionRestartTest {
    @TempDir
    Path dir;

    @Test
    void aLoggedInAdminStaysLoggedInAcrossARestartAndItsCsrfTokenStillValidates() throws Exception {
        AdminClient before;
        try (WebFixture first = AdminClient.adminServer(dir)) {
            before = new AdminClient(first).login();
        }

        try (WebFixture restarted = AdminClient.adminServer(dir)) {
            AdminClient browser = before.movedTo(restarted);

            HttpResponse<String> dashboard = browser.get("/admin");
            HttpResponse<String> added = browser.submit("/admin/subscribers", "email", "a@example.org",
                    "confirmed", "yes");
            HttpResponse<String> after = browser.get("/admin/subscribers");

            assertEquals(200, dashboard.statusCode());
            assertEquals(before.csrf(), browser.csrf());
            assertEquals(303, added.statusCode());
            assertEquals(1, restarted.tidings.subscriberList().countMatching(""));
            assertTrue(after.body().contains("Added a@example.org (active)."), after.body());
        }
    }

    @Test
    void aNoticeLeftOnOneServerShowsOnceOnTheOther() throws Exception {
        try (WebFixture one = AdminClient.adminServer(dir); WebFixture two = AdminClient.adminServer(dir)) {
            AdminClient onOne = new AdminClient(one).login();

            onOne.submit("/admin/subscribers", "email", "a@example.org", "confirmed", "yes");
            AdminClient onTwo = onOne.movedTo(two);
            String shown = onTwo.get("/admin/subscribers").body();
            String again = onOne.get("/admin/subscribers").body();

            assertTrue(shown.contains("Added a@example.org (active)."), shown);
            assertFalse(again.contains("Added a@example.org (active)."), again);
        }
    }

    @Test
    void aLogoutOnOneServerEndsTheSessionOnTheOther() throws Exception {
        try (WebFixture one = AdminClient.adminServer(dir); WebFixture two = AdminClient.adminServer(dir)) {
            AdminClient onOne = new AdminClient(one).login();
            AdminClient onTwo = onOne.movedTo(two);
            assertEquals(200, onTwo.get("/admin").statusCode());

            assertEquals(303, onOne.submit("/admin/logout").statusCode());

            assertEquals(303, onTwo.get("/admin").statusCode());
        }
    }

    @Test
    void aLoginThrottleTrippedOnOneServerHoldsOnAnotherAndAfterARestart() throws Exception {
        try (WebFixture one = AdminClient.adminServer(dir)) {
            AdminClient browser = new AdminClient(one);
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                assertEquals(401, browser.post("/admin/login", Map.of("password", "guess " + i)).statusCode());
            }

            try (WebFixture two = AdminClient.adminServer(dir)) {
                HttpResponse<String> elsewhere = new AdminClient(two).post("/admin/login",
                        Map.of("password", AdminClient.PASSWORD));

                assertEquals(429, elsewhere.statusCode());
                assertTrue(elsewhere.body().contains("Too many failed logins"), elsewhere.body());
            }
        }
        try (WebFixture restarted = AdminClient.adminServer(dir)) {
            AdminClient browser = new AdminClient(restarted);

            assertEquals(429, browser.post("/admin/login", Map.of("password", AdminClient.PASSWORD)).statusCode());
            restarted.clock.advance(LoginThrottle.WINDOW);
            assertEquals(303, browser.post("/admin/login", Map.of("password", AdminClient.PASSWORD)).statusCode());
        }
    }
}
