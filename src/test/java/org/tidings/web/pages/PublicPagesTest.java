package org.tidings.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Issue;
import org.tidings.store.NewIssue;
import org.tidings.web.WebFixture;

/** The front page and the archive of issues. */
class PublicPagesTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void frontPageListsArticlesByDayWithTheSignUpFormAndFeedLinks() throws Exception {
        web.article("Le Monde", "Presse", "Grève générale");
        web.clock.advance(Duration.ofDays(1));
        web.article("Left Voice", "Politics", "General strike");

        HttpResponse<String> r = web.get("/");

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String body = r.body();
        int today = body.indexOf("Tuesday 24 November 2026");
        int yesterday = body.indexOf("Monday 23 November 2026");
        assertTrue(today > 0 && yesterday > today, body);
        assertTrue(body.indexOf("General strike") < yesterday && body.indexOf("Grève générale") > yesterday, body);
        assertTrue(body.contains("rel=\"noopener\">General strike</a>"), body);
        assertTrue(body.contains("<span class=\"source\">Left Voice</span> · Ana Núñez"), body);
        assertTrue(body.contains("<time datetime=\"2026-11-24T09:59:00Z\">09:59</time>"), body);
        assertTrue(body.contains("<form method=\"post\" action=\"/subscribe\">"), body);
        assertTrue(body.contains("name=\"categories\" value=\"Politics\""), body);
        assertTrue(body.contains("name=\"categories\" value=\"Presse\""), body);
        for (String type : List.of("application/atom+xml", "application/rss+xml", "application/feed+json")) {
            assertTrue(body.contains("<link rel=\"alternate\" type=\"" + type + "\""), type);
        }
    }

    @Test
    void hostileFeedAndArticleTitlesAreEscapedOnTheFrontPage() throws Exception {
        web.article(SCRIPT, ATTRIBUTE, ATTRIBUTE);

        String body = web.get("/").body();

        assertFalse(body.contains(SCRIPT) || body.contains("<img"), body);
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), body);
        assertTrue(body.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), body);
    }

    @Test
    void frontPageWithoutArticlesSaysSo() throws Exception {
        HttpResponse<String> r = web.get("/");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("No articles yet"), r.body());
    }

    @Test
    void archiveListsOnlySentIssuesNewestFirst() throws Exception {
        sentIssue(1, "Tidings: week of 9 November 2026");
        sentIssue(2, "Tidings: week of 16 " + SCRIPT);
        web.tidings.issues().create(new NewIssue(new Issue(0, 3, web.clock.instant(), web.clock.instant(),
                "Still sending"), "<html></html>", List.of()), web.clock.instant());

        String body = web.get("/archive").body();

        assertTrue(body.indexOf("/archive/2\">") < body.indexOf("/archive/1\">"), body);
        assertTrue(body.contains("Tidings: week of 16 &lt;script&gt;"), body);
        assertFalse(body.contains("Still sending") || body.contains(SCRIPT), body);
    }

    @Test
    void issueServesItsWebVersionWithInlineStylesAllowedButNoScript() throws Exception {
        sentIssue(1, "Tidings: week of 9 November 2026");

        HttpResponse<String> r = web.get("/archive/1");

        assertEquals(200, r.statusCode());
        assertEquals("<!DOCTYPE html><html><body><p style=\"color:red\">Issue 1</p></body></html>", r.body());
        String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("style-src 'self' 'unsafe-inline'") && policy.contains("script-src 'none'"), policy);
        assertFalse(web.get("/archive").headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("unsafe-inline"));
    }

    @Test
    void unknownOrNonNumericIssueIsAFriendlyNotFoundPage() throws Exception {
        for (String path : List.of("/archive/999", "/archive/abc", "/archive/99999999999999")) {
            HttpResponse<String> r = web.get(path);

            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("There is no such issue"), r.body());
            assertTrue(r.body().contains("<html lang=\"en\">"), r.body());
        }
    }

    @Test
    void archiveFeedIsAtomOfTheSentIssues() throws Exception {
        sentIssue(1, "Tidings: week of 9 November 2026");
        sentIssue(2, "Tidings: week of 16 " + SCRIPT);

        HttpResponse<String> r = web.get("/archive.atom");

        assertEquals(200, r.statusCode());
        assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(2, feed.getEntries().size());
        assertEquals("Tidings: week of 16 " + SCRIPT, feed.getEntries().get(0).getTitle());
        assertEquals("https://tidings.example/archive/2", feed.getEntries().get(0).getLink());
        assertEquals(web.clock.instant(), feed.getEntries().get(0).getUpdatedDate().toInstant());
    }

    @Test
    void emptyArchiveIsStillValidAtomAndAPage() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(web.get("/archive.atom").body()));
        HttpResponse<String> page = web.get("/archive");

        assertEquals(0, feed.getEntries().size());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("No issue has been sent yet"), page.body());
    }

    private void sentIssue(int number, String subject) {
        Issue issue = web.tidings.issues().create(new NewIssue(new Issue(0, number, web.clock.instant(),
                web.clock.instant(), subject), "<!DOCTYPE html><html><body><p style=\"color:red\">Issue " + number
                + "</p></body></html>", List.of()), web.clock.instant());
        web.clock.advance(Duration.ofMinutes(5));
        web.tidings.issues().complete(issue.id(), org.tidings.store.DeliveryCounts.NONE, web.clock.instant());
    }
}
