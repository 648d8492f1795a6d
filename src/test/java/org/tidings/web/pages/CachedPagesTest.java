package org.tidings.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Issue;
import org.tidings.store.NewIssue;
import org.tidings.web.WebFixture;

/** The front page and the archive rendered once per change: validators, 304s, freshness, keyset paging. */
class CachedPagesTest {
    private static final Pattern ISSUE_LINK = Pattern.compile("/archive/([0-9]+)\">");

    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        web.article("Le Monde", "Presse", "Grève générale");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void frontPageAnswersNotModifiedToItsETagOrLastModified() throws Exception {
        HttpResponse<String> first = web.get("/");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byTag = web.get("/", "If-None-Match", etag);
        HttpResponse<String> byDate = web.get("/", "If-Modified-Since", lastModified);
        HttpResponse<String> otherTag = web.get("/", "If-None-Match", "\"other\"");

        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertEquals(304, byTag.statusCode());
        assertEquals("", byTag.body());
        assertEquals(304, byDate.statusCode());
        assertEquals(200, otherTag.statusCode());
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(otherTag.body().contains("Grève générale"), otherTag.body());
    }

    @Test
    void frontPageShowsANewArticleOnceTheChangeIsNoticed() throws Exception {
        String etag = web.get("/").headers().firstValue("ETag").orElseThrow();
        web.article("Left Voice", "Politics", "General strike");

        HttpResponse<String> within = web.get("/", "If-None-Match", etag);
        web.passStalenessBound();
        HttpResponse<String> after = web.get("/", "If-None-Match", etag);

        assertEquals(304, within.statusCode());
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("General strike") && after.body().contains("Politics"), after.body());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void archiveFeedAnswersNotModifiedUntilAnIssueIsSent() throws Exception {
        sentIssue(1);
        HttpResponse<String> first = web.get("/archive.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = web.get("/archive.atom", "If-None-Match", etag);
        sentIssue(2);
        HttpResponse<String> changed = web.get("/archive.atom", "If-None-Match", etag);

        assertEquals(304, same.statusCode());
        assertEquals(200, changed.statusCode());
        assertTrue(changed.body().contains("Issue 2"), changed.body());
    }

    @Test
    void archiveFeedHoldsTheTwentyNewestIssues() throws Exception {
        for (int n = 1; n <= 25; n++) {
            sentIssue(n);
        }

        var feed = new SyndFeedInput().build(new StringReader(web.get("/archive.atom").body()));

        assertEquals(20, feed.getEntries().size());
        assertEquals("Issue 25", feed.getEntries().get(0).getTitle());
        assertEquals("Issue 6", feed.getEntries().get(19).getTitle());
    }

    @Test
    void archivePagesFiftyIssuesAtATimeByIssueNumber() throws Exception {
        for (int n = 1; n <= 55; n++) {
            sentIssue(n);
        }

        String first = web.get("/archive").body();
        String older = web.get("/archive?before=6").body();

        assertEquals(range(55, 6), numbers(first));
        assertTrue(first.contains("/archive?before=6\""), first);
        assertEquals(range(5, 1), numbers(older));
        assertFalse(older.contains("Older issues"), older);
    }

    @Test
    void archiveRefusesABeforeThatIsNoIssueNumber() throws Exception {
        for (String bad : List.of("abc", "0", "-1", "99999999999")) {
            HttpResponse<String> r = web.get("/archive?before=" + bad);

            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("takes an issue number"), r.body());
        }
    }

    private static List<Integer> numbers(String page) {
        List<Integer> out = new java.util.ArrayList<>();
        Matcher m = ISSUE_LINK.matcher(page);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static List<Integer> range(int from, int downTo) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int n = from; n >= downTo; n--) {
            out.add(n);
        }
        return out;
    }

    /** An issue sent now; past the staleness bound, so the next request sees it. */
    private void sentIssue(int number) {
        Issue issue = web.tidings.issues().create(new NewIssue(new Issue(0, number, web.clock.instant(),
                web.clock.instant(), "Issue " + number), "<html></html>", List.of()), web.clock.instant());
        web.tidings.issues().complete(issue.id(), org.tidings.store.DeliveryCounts.NONE, web.clock.instant());
        web.passStalenessBound();
    }
}
