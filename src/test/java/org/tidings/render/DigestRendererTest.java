package org.tidings.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.render.SampleDigests.BLOG;
import static org.tidings.render.SampleDigests.CONFIG;
import static org.tidings.render.SampleDigests.LINKS;
import static org.tidings.render.SampleDigests.MARIE;
import static org.tidings.render.SampleDigests.MISC;
import static org.tidings.render.SampleDigests.TOKEN;
import static org.tidings.render.SampleDigests.TOOLS;
import static org.tidings.render.SampleDigests.ZEITUNG;
import static org.tidings.render.SampleDigests.article;
import static org.tidings.render.SampleDigests.digest;
import static org.tidings.render.SampleDigests.feed;
import static org.tidings.render.SampleDigests.section;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tidings.mail.WireSize;
import org.tidings.config.DigestConfig;
import org.tidings.model.Article;
import org.tidings.model.Digest;

class DigestRendererTest {
    private static final Templates TEMPLATES = SampleDigests.builtIn();
    private final DigestRenderer renderer = new DigestRenderer(TEMPLATES, CONFIG, LINKS, WireSize::of);

    @Test
    void escapesFeedTextInHtmlAndKeepsItReadableInText() {
        String title = "<script>alert(1)</script> & “quotes”";
        Digest digest = digest(section("news", feed(BLOG, article(BLOG, title, "2023-05-20T10:00:00Z"))));

        RenderedEmail email = renderer.render(digest, MARIE);

        assertFalse(email.html().contains("<script>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”"));
        assertEquals(title, articleLinks(email.html()).get(0).text());
        assertTrue(email.text().contains("\n" + title + "\n"), email.text());
        assertFalse(email.text().contains("&lt;") || email.text().contains("&amp;"), email.text());
    }

    @Test
    void escapesSourceNamesAuthorsAndSummaries() {
        Article a = new Article(1, BLOG, "g", URI.create("https://blog.example/a"), "T", List.of("<b>Eve</b>"),
                Instant.parse("2023-05-20T10:00:00Z"), null, Instant.EPOCH, "1 < 2 \"quoted\" <img src=x onerror=alert(1)>",
                "", List.of());
        Digest digest = digest(section("news", feed(SampleDigests.source(9, "<i>Evil</i> feed", "news"), a)));

        String html = renderer.render(digest, MARIE).html();

        assertFalse(html.contains("<b>Eve") || html.contains("<i>Evil") || html.contains("<img"), html);
        assertTrue(html.contains("1 &lt; 2 &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void rendersSectionsThenFeedsThenArticlesInDigestOrder() {
        Digest digest = digest(
                section("tools", feed(TOOLS, article(TOOLS, "Tool one", "2023-05-19T10:00:00Z"))),
                section("news",
                        feed(ZEITUNG, article(ZEITUNG, "Zeitung newer", "2023-05-20T10:00:00Z"),
                                article(ZEITUNG, "Zeitung older", "2023-05-18T10:00:00Z")),
                        feed(BLOG, article(BLOG, "Blog post", "2023-05-21T10:00:00Z"))),
                section(null, feed(MISC, article(MISC, "Misc item", "2023-05-17T10:00:00Z"))));

        RenderedEmail email = renderer.render(digest, MARIE);

        List<String> order = List.of("tools", "Tools Weekly", "Tool one", "news", "Die Zeitung", "Zeitung newer",
                "Zeitung older", "Le Blog", "Blog post", "More", "Misc", "Misc item");
        assertInOrder(email.html(), order);
        assertInOrder(email.text(), order);
        Document doc = Jsoup.parse(email.html());
        assertEquals(List.of("tools", "news", "More"), doc.select("h2").eachText());
        assertEquals(List.of("Tools Weekly", "Die Zeitung", "Le Blog", "Misc"), doc.select("h3").eachText());
        assertEquals("https://site2.example/", doc.select("h3 a").get(1).attr("href"));
        assertTrue(email.text().contains("\nnews\n====\n"), email.text());
        assertTrue(email.text().contains("\nDie Zeitung\n-----------\n"), email.text());
    }

    @Test
    void givesNoHeadingWhenNoFeedHasACategory() {
        Digest digest = digest(section(null, feed(MISC, article(MISC, "Misc item", "2023-05-17T10:00:00Z"))));

        RenderedEmail email = renderer.render(digest, MARIE);

        assertTrue(Jsoup.parse(email.html()).select("h2").isEmpty());
        assertFalse(email.text().contains("More"), email.text());
    }

    @Test
    void showsTitleSourceAuthorsDateSummaryAndUrl() {
        Digest digest = digest(section("news", feed(BLOG, article(BLOG, "Hello", "2023-05-20T10:00:00Z"))));
        Article a = digest.sections().get(0).feeds().get(0).articles().get(0);

        RenderedEmail email = renderer.render(digest, MARIE);

        String block = "\nHello\nLe Blog · Anne, Bob · 20 May 2023\nSummary of Hello.\n" + a.url() + "\n";
        assertTrue(email.text().contains(block), email.text());
        Element link = articleLinks(email.html()).get(0);
        assertEquals(a.url().toString(), link.attr("href"));
        assertTrue(Jsoup.parse(email.html()).text().contains("Le Blog · Anne, Bob · 20 May 2023 Summary of Hello."));
    }

    @Test
    void formatsDatesInTheConfiguredZone() {
        // 23:30 UTC on the 21st is already the 22nd in Paris.
        Digest digest = digest(section("news", feed(BLOG, article(BLOG, "Late", "2023-05-21T23:30:00Z"))));
        DigestConfig utc = new DigestConfig("Tidings", ZoneId.of("UTC"), 10, 300, Path.of("x"));

        String paris = renderer.render(digest, MARIE).text();
        String london = new DigestRenderer(TEMPLATES, utc, LINKS, WireSize::of).render(digest, MARIE).text();

        assertTrue(paris.contains("Le Blog · Anne, Bob · 22 May 2023"), paris);
        assertTrue(london.contains("Le Blog · Anne, Bob · 21 May 2023"), london);
    }

    @Test
    void emailLinksToTheWebVersionPreferencesAndUnsubscribe() {
        RenderedEmail email = renderer.render(SampleDigests.week(1), MARIE);

        Document doc = Jsoup.parse(email.html());
        assertLink(doc, "View in browser", "https://news.example/archive/42");
        assertLink(doc, "Unsubscribe", "https://news.example/unsubscribe/" + TOKEN);
        assertLink(doc, "Choose topics", "https://news.example/preferences/" + TOKEN);
        assertTrue(email.text().contains("https://news.example/archive/42\n"), email.text());
        assertTrue(email.text().contains("Unsubscribe: https://news.example/unsubscribe/" + TOKEN + "\n"), email.text());
        assertTrue(email.text().contains("https://news.example/preferences/" + TOKEN + "\n"), email.text());
        assertEquals(SampleDigests.ISSUE.subject(), email.subject());
    }

    @Test
    void webVersionHasTheSameContentWithoutPersonalLinks() {
        Digest digest = SampleDigests.week(2);

        String web = renderer.renderWeb(digest);
        String email = renderer.render(digest, MARIE).html();

        assertFalse(web.contains(TOKEN), web);
        assertFalse(web.contains("Unsubscribe") || web.contains("View in browser") || web.contains("/archive/"), web);
        assertEquals(articleLinks(email).size(), articleLinks(web).size());
        assertEquals(Jsoup.parse(email).select("h3").eachText(), Jsoup.parse(web).select("h3").eachText());
    }

    @Test
    void keepsNonAsciiIntact() {
        String title = "Ça déménage : l’été à Zürich, „Grüße“ y el año “nuevo” — 東京 🎉";
        Digest digest = digest(section("Économie", feed(BLOG, article(BLOG, title, "2023-05-20T10:00:00Z"))));

        RenderedEmail email = renderer.render(digest, MARIE);

        assertEquals(title, articleLinks(email.html()).get(0).text());
        assertEquals("Économie", Jsoup.parse(email.html()).select("h2").text());
        assertTrue(email.text().contains("\n" + title + "\n"), email.text());
        assertTrue(email.text().contains("\nÉconomie\n========\n"), email.text());
    }

    @Test
    void isAnEmailSafeLayout() {
        Digest digest = SampleDigests.week(1);

        Document doc = Jsoup.parse(renderer.render(digest, MARIE).html());

        assertEquals("en", doc.select("html").attr("lang"));
        assertEquals("light dark", doc.select("meta[name=color-scheme]").attr("content"));
        assertFalse(doc.select("table").isEmpty());
        for (Element table : doc.select("table")) {
            assertEquals("presentation", table.attr("role"), table.outerHtml());
        }
        assertFalse(doc.select("table[width=600]").isEmpty());
        assertTrue(doc.select("img").stream().allMatch(img -> img.hasAttr("alt")));
        Element preheader = doc.body().child(0);
        assertTrue(preheader.attr("style").contains("display:none"));
        assertTrue(preheader.text().startsWith(digest.sections().get(0).feeds().get(0).articles().get(0).title()));
    }

    @Test
    void linksOnlyWebUrls() {
        Article a = new Article(1, BLOG, "g", URI.create("javascript:alert(1)"), "Sneaky", List.of(),
                Instant.parse("2023-05-20T10:00:00Z"), null, Instant.EPOCH, "", "", List.of());
        Digest digest = digest(section("news", feed(BLOG, a)));

        RenderedEmail email = renderer.render(digest, MARIE);

        assertFalse(email.html().contains("javascript:"), email.html());
        assertFalse(email.text().contains("javascript:"), email.text());
        assertTrue(email.text().contains("\nSneaky\nLe Blog · 20 May 2023\n"), email.text());
    }

    @Test
    void rendersTheSameFromSeveralThreads() throws Exception {
        Digest digest = SampleDigests.week(6);
        RenderedEmail expected = renderer.render(digest, MARIE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedEmail>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> renderer.render(digest, MARIE)));
            }
            for (Future<RenderedEmail> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Element> articleLinks(String html) {
        return Jsoup.parse(html).select("h3 + table a");
    }

    private static void assertLink(Document doc, String text, String href) {
        Element link = doc.select("a").stream().filter(a -> a.text().equals(text)).findFirst().orElse(null);
        assertNotNull(link, "no link '" + text + "'");
        assertEquals(href, link.attr("href"));
    }

    private static void assertInOrder(String haystack, List<String> needles) {
        int from = 0;
        for (String needle : needles) {
            int at = haystack.indexOf(needle, from);
            assertTrue(at >= 0, "'" + needle + "' missing or out of order in\n" + haystack);
            from = at + needle.length();
        }
    }
}
