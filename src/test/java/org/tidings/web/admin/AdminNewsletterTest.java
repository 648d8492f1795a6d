package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.newsletter.IssueSender;
import org.tidings.subscribers.SignupRequest;
import org.tidings.subscribers.Signup;
import org.tidings.web.WebFixture;

/** /admin/newsletter: preview as a subscriber, send now behind a confirmation, history; and the dashboard. */
class AdminNewsletterTest {
    @TempDir
    Path dir;
    private WebFixture web;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        web = AdminClient.adminServer(dir);
        admin = new AdminClient(web).login();
        web.article("Le Monde", "Presse", "Grève générale");
        web.article("Left Voice", "Politics", "General strike");
        Signup signup = new Signup(web.tidings.newsletter());
        signup.add(new SignupRequest("presse@example.org", "Ana", List.of("Presse"), true), Signup.Returning.RESUBSCRIBE);
        signup.add(new SignupRequest("all@example.org", null, List.of(), true), Signup.Returning.RESUBSCRIBE);
        // An issue holds the articles first seen before it is built.
        web.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void previewShowsTheDigestAsTheChosenSubscriberWouldGetIt() throws Exception {
        HttpResponse<String> presse = admin.get("/admin/newsletter/preview?subscriber=presse%40example.org");
        HttpResponse<String> everyone = admin.get("/admin/newsletter/preview");
        HttpResponse<String> unknown = admin.get("/admin/newsletter/preview?subscriber=nobody%40example.org");

        assertEquals(200, presse.statusCode());
        assertTrue(presse.body().contains("Grève générale") && !presse.body().contains("General strike"),
                presse.body());
        assertEquals(AdminNewsletter.PREVIEW_POLICY, presse.headers().firstValue("Content-Security-Policy")
                .orElseThrow());
        assertTrue(everyone.body().contains("Grève générale") && everyone.body().contains("General strike"));
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void sendNowAsksForConfirmationThenFiresTheJobOnce() throws Exception {
        admin.get("/admin/newsletter");

        HttpResponse<String> confirm = admin.submit("/admin/newsletter/send");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("action=\"/admin/newsletter/send/confirm\""), confirm.body());
        assertEquals(0, web.issuesSentNow.get());

        HttpResponse<String> sent = admin.submit("/admin/newsletter/send/confirm");
        assertEquals(303, sent.statusCode());
        assertEquals(1, web.issuesSentNow.get());
        assertEquals(403, admin.post("/admin/newsletter/send/confirm", java.util.Map.of()).statusCode());
        assertEquals(1, web.issuesSentNow.get());
    }

    @Test
    void historyShowsEachIssueWithItsDeliveryCounts() throws Exception {
        new IssueSender(web.tidings.newsletter()).send();

        String page = admin.get("/admin/newsletter").body();

        assertTrue(page.matches("(?s).*<td>1</td><td>[^<]+</td><td>[^<]+</td><td>2</td><td>0</td><td>0</td><td>0</td>.*"),
                page);
    }

    @Test
    void historyCountsEachIssuesHardBouncesSoftBouncesAndComplaints() throws Exception {
        new IssueSender(web.tidings.newsletter()).send();
        org.tidings.model.Subscriber presse = web.tidings.subscribers().findByEmail(
                org.tidings.model.EmailAddress.parse("presse@example.org")).orElseThrow();
        org.tidings.model.Subscriber all = web.tidings.subscribers().findByEmail(
                org.tidings.model.EmailAddress.parse("all@example.org")).orElseThrow();
        var feedback = web.tidings.mailFeedback();
        feedback.accept(new org.tidings.model.InboundReport(org.tidings.model.InboundKind.HARD_BOUNCE,
                org.tidings.newsletter.BounceTokens.delivery(1, presse), null, "5.1.1", "user unknown"));
        feedback.accept(new org.tidings.model.InboundReport(org.tidings.model.InboundKind.COMPLAINT,
                org.tidings.newsletter.BounceTokens.delivery(1, all), null, null, "abuse report"));

        String page = admin.get("/admin/newsletter").body();

        assertTrue(page.matches("(?s).*<td>1</td><td>[^<]+</td><td>[^<]+</td><td>2</td><td>0</td><td>0</td><td>0</td>"
                + "<td>1</td><td>0</td><td>1</td></tr>.*"), page);
    }

    @Test
    void dashboardDrawsOneBarPerDayAndTheFeedsByHealth() throws Exception {
        String page = admin.get("/admin").body();

        Matcher svg = Pattern.compile("(?s)<svg[^>]*aria-labelledby=\"articles-heading[^>]*>(.*?)</svg>").matcher(page);
        assertTrue(svg.find(), page);
        assertEquals(Charts.DAYS, count(svg.group(1), "<rect class=\"bar\""));
        assertTrue(svg.group(1).contains("2026-11-23: 2 articles"), svg.group(1));
        assertTrue(page.contains("Feeds by health: 2 active, 0 failing, 0 paused, 0 gone"), page);
        assertTrue(page.contains("class=\"visually-hidden\""), page);
        assertFalse(page.contains("style="), page);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
