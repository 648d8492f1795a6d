package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.web.Browser;
import org.tidings.web.WebFixture;

/** An admin logs in, adds a feed served by a local site, fetches it now and sees its articles on /. */
class AdminInBrowserTest {
    private static final String HOSTILE = "<script>alert(1)</script> Titre piégé";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path dir;
    private WebFixture web;
    private LocalHttpServer site;

    @BeforeEach
    void start() {
        web = AdminClient.adminServer(dir);
        site = LocalHttpServer.start();
        serve("Premier article");
    }

    @AfterEach
    void stop() {
        site.close();
        web.close();
    }

    @Test
    void anAddedFeedFetchedNowShowsItsArticlesOnTheFrontPageWithHostileTitlesAsText() {
        browser.open(web.url("/admin"));
        assertEquals(web.url("/admin/login"), browser.driver().getCurrentUrl());
        browser.screenshot("login");
        browser.phoneScreenshot("login");
        browser.find("#password").sendKeys(AdminClient.PASSWORD);
        browser.follow("button", "Log in");
        browser.screenshot("dashboard");
        browser.phoneScreenshot("dashboard");

        browser.follow("a", "Feeds");
        browser.find("#url").sendKeys(site.uri("/feed.xml").toString());
        browser.find("#category").sendKeys("Presse");
        browser.follow("button", "Add the feed");

        assertTrue(browser.find("p.notice").getText().startsWith("Added Le Journal"), browser.text());
        browser.screenshot("feed-added");
        browser.phoneScreenshot("feed-added");
        // Feed titles are HTML (markup stripped), so a title that reads as a tag is escaped twice in the XML.
        serve("Premier article", escaped(escaped(HOSTILE)));
        browser.follow("a", "Le Journal");
        browser.screenshot("feed");
        browser.phoneScreenshot("feed");
        browser.follow("button", "Fetch now");

        String outcome = browser.find("p.notice").getText();
        assertTrue(outcome.startsWith("Fetched Le Journal: 1 new"), outcome);
        browser.screenshot("fetched");
        assertEquals(2, web.articles.count());

        browser.open(web.url("/"));
        String titles = browser.find("ul.articles").getText();
        assertTrue(titles.contains("Premier article") && titles.contains(HOSTILE), titles);
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertTrue(browser.driver().getPageSource().contains(escaped("<script>alert(1)</script>")));
        assertFalse(browser.driver().getPageSource().contains("<script>alert(1)"));
        browser.screenshot("front-page");
        browser.phoneScreenshot("front-page");
    }

    /** The site's feed from now on: an RSS document with one item per title (already XML text). */
    private void serve(String... titles) {
        site.route("/feed.xml", LocalHttpServer.respond(200, AdminFeedsTest.rss("Le Journal", titles),
                "Content-Type", "application/rss+xml"));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
