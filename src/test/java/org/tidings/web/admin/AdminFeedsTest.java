package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.opml.OpmlReader;
import org.tidings.web.WebFixture;

/** /admin/feeds: add, fetch now, pause, resume, edit, remove, OPML out and in, escaping. */
class AdminFeedsTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    Path dir;
    private WebFixture web;
    private LocalHttpServer site;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        web = AdminClient.adminServer(dir);
        site = LocalHttpServer.start();
        site.route("/feed.xml", LocalHttpServer.respond(200, rss("Le Journal", "Premier"),
                "Content-Type", "application/rss+xml"));
        admin = new AdminClient(web).login();
    }

    @AfterEach
    void stop() {
        site.close();
        web.close();
    }

    @Test
    void pagesFollowTheFeedsInTheOrderTheyWereAdded() throws Exception {
        java.util.List<Long> added = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            added.add(web.feeds.addIfAbsent(new org.tidings.store.NewFeed(URI.create("https://example.org/" + i + ".xml"),
                    "Feed " + i, null, null), web.clock.instant()).orElseThrow().id());
        }

        java.util.List<String> seen = admin.followPages("/admin/feeds",
                java.util.regex.Pattern.compile("href=\"[^\"]*/admin/feeds/(\\d+)\""));

        assertEquals("3", seen.remove(seen.size() - 1), "pages");
        assertEquals(added.stream().map(String::valueOf).toList(), seen);
        assertEquals(400, admin.get("/admin/feeds?after=x").statusCode());
    }

    @Test
    void anAddedFeedIsCheckedAndAppearsInTheListWithItsTitle() throws Exception {
        admin.get("/admin/feeds");

        HttpResponse<String> added = admin.submit("/admin/feeds", "url", site.uri("/feed.xml").toString(),
                "category", "Presse");
        HttpResponse<String> list = admin.get("/admin/feeds");

        assertEquals(303, added.statusCode());
        assertTrue(list.body().contains("Added Le Journal"), list.body());
        assertTrue(list.body().contains(">Le Journal</a>") && list.body().contains("Presse"), list.body());
        assertTrue(list.body().contains("class=\"status-active\""), list.body());
        assertEquals(1, web.articles.count());
    }

    @Test
    void aUrlThatIsNotAFeedIsRefusedWithTheReason() throws Exception {
        site.route("/page", LocalHttpServer.respond(404, "gone"));

        HttpResponse<String> r = admin.submit("/admin/feeds", "url", site.uri("/page").toString());
        HttpResponse<String> bad = admin.submit("/admin/feeds", "url", "not a url");

        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("404"), r.body());
        assertEquals(400, bad.statusCode());
        assertEquals(0, web.feeds.count());
    }

    @Test
    void fetchNowStoresTheNewArticles() throws Exception {
        Feed feed = add();
        site.route("/feed.xml", LocalHttpServer.respond(200, rss("Le Journal", "Premier", "Deuxième"),
                "Content-Type", "application/rss+xml"));

        HttpResponse<String> r = admin.submit("/admin/feeds/" + feed.id() + "/fetch");

        assertEquals(303, r.statusCode());
        assertEquals(2, web.articles.count());
        assertTrue(admin.get("/admin/feeds").body().contains("Fetched Le Journal: 1 new"));
    }

    @Test
    void aCategoryEditedHereShowsInTheFrontPageFormOnceNoticed() throws Exception {
        Feed feed = add();
        String before = web.get("/").body();

        admin.get("/admin/feeds/" + feed.id());
        admin.submit("/admin/feeds/" + feed.id(), "title", "Renamed", "category", "Monde", "interval", "");
        web.passStalenessBound();
        String after = web.get("/").body();

        assertFalse(before.contains("value=\"Monde\""), before);
        assertTrue(after.contains("value=\"Monde\""), after);
    }

    @Test
    void pauseResumeEditAndRemoveChangeTheFeed() throws Exception {
        Feed feed = add();

        admin.submit("/admin/feeds/" + feed.id() + "/pause");
        assertEquals(FeedStatus.PAUSED, web.feeds.find(feed.id()).orElseThrow().status());
        admin.submit("/admin/feeds/" + feed.id() + "/resume");
        assertEquals(FeedStatus.ACTIVE, web.feeds.find(feed.id()).orElseThrow().status());

        admin.get("/admin/feeds/" + feed.id());
        admin.submit("/admin/feeds/" + feed.id(), "title", "Renamed", "category", "Monde", "interval", "180");
        Feed edited = web.feeds.find(feed.id()).orElseThrow();
        assertEquals("Renamed", edited.title());
        assertEquals("Monde", edited.category());
        assertEquals(180, edited.intervalMinutes());
        assertEquals(400, admin.submit("/admin/feeds/" + feed.id(), "title", "x", "interval", "5").statusCode());
        admin.submit("/admin/feeds/" + feed.id(), "title", "Renamed", "interval", "");
        assertNull(web.feeds.find(feed.id()).orElseThrow().intervalMinutes());

        HttpResponse<String> confirm = admin.get("/admin/feeds/" + feed.id() + "/remove");
        assertTrue(confirm.body().contains("Remove the feed"), confirm.body());
        assertEquals(1, web.feeds.count());
        admin.submit("/admin/feeds/" + feed.id() + "/remove");
        assertEquals(0, web.feeds.count());
        assertEquals(0, web.articles.count());
    }

    @Test
    void anUnknownFeedIsA404Page() throws Exception {
        assertEquals(404, admin.get("/admin/feeds/999").statusCode());
        assertEquals(404, admin.get("/admin/feeds/abc").statusCode());
        assertEquals(404, admin.submit("/admin/feeds/999/pause").statusCode());
    }

    @Test
    void opmlExportDownloadsTheListAndImportAddsFeeds() throws Exception {
        add();

        HttpResponse<byte[]> export = admin.download("/admin/feeds/export");

        assertEquals(200, export.statusCode());
        assertEquals("attachment; filename=\"feeds.opml\"",
                export.headers().firstValue("Content-Disposition").orElse(null));
        var doc = new OpmlReader().read(new ByteArrayInputStream(export.body()));
        assertEquals(1, doc.feeds().size());
        assertEquals(site.uri("/feed.xml"), doc.feeds().get(0).xmlUrl());

        admin.get("/admin/feeds");
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body><outline text=\"Monde\">"
                + "<outline type=\"rss\" text=\"A\" xmlUrl=\"https://a.example/feed\"/>"
                + "<outline type=\"rss\" text=\"B\" xmlUrl=\"" + site.uri("/feed.xml") + "\"/></outline></body></opml>";
        HttpResponse<String> imported = admin.upload("/admin/feeds/import", "feeds.opml",
                opml.getBytes(StandardCharsets.UTF_8));

        assertEquals(303, imported.statusCode());
        assertEquals(2, web.feeds.count());
        assertEquals("Monde", web.feeds.findByUrl(URI.create("https://a.example/feed")).orElseThrow().category());
        assertTrue(admin.get("/admin/feeds").body().contains("Imported 1 feeds (1 already subscribed)"));
        assertEquals(400, admin.upload("/admin/feeds/import", "bad.opml", "not xml".getBytes(StandardCharsets.UTF_8))
                .statusCode());
    }

    @Test
    void hostileFeedTitlesAreEscapedInTheAdminLists() throws Exception {
        web.article(HOSTILE, HOSTILE, "Titre");
        long id = web.feeds.list().get(0).id();

        String list = admin.get("/admin/feeds").body();
        String one = admin.get("/admin/feeds/" + id).body();

        assertFalse(list.contains(HOSTILE) || one.contains(HOSTILE));
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), list);
    }

    private Feed add() throws Exception {
        admin.get("/admin/feeds");
        admin.submit("/admin/feeds", "url", site.uri("/feed.xml").toString());
        return web.feeds.findByUrl(site.uri("/feed.xml")).orElseThrow();
    }

    static String rss(String title, String... items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(title).append("</title><link>https://journal.example/</link><description>d</description>");
        for (String item : items) {
            s.append("<item><title>").append(item).append("</title><link>https://journal.example/")
                    .append(Math.abs(item.hashCode())).append("</link><guid>").append(Math.abs(item.hashCode()))
                    .append("</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><description>")
                    .append(item).append("</description></item>");
        }
        return s.append("</channel></rss>").toString();
    }
}
