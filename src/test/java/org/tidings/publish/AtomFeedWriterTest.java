package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.publish.SampleArticles.BLOG;
import static org.tidings.publish.SampleArticles.article;
import static org.tidings.publish.SampleArticles.bare;
import static org.tidings.publish.SampleArticles.parseXml;
import static org.tidings.publish.SampleArticles.utf8;
import static org.tidings.publish.SampleArticles.write;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Article;
import org.tidings.model.Source;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AtomFeedWriterTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Instant MARCH_5 = Instant.parse("2024-03-05T10:00:00Z");

    @Test
    void writesFeedHeaderWithSelfAndAlternateLinks() {
        Element feed = atom(List.of(article("https://blog.example/p/1", "One", MARCH_5)));

        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("https://tidings.example/feed.atom", text(feed, "id"));
        assertEquals("Tidings digest", text(feed, "title"));
        assertEquals("Everything we follow", text(feed, "subtitle"));
        assertEquals("Tidings", text(feed, "generator"));
        assertEquals("2024-03-05T10:00:00Z", text(feed, "updated"));
        List<Element> links = children(feed, "link");
        assertEquals("self", links.get(0).getAttribute("rel"));
        assertEquals("https://tidings.example/feed.atom", links.get(0).getAttribute("href"));
        assertEquals("application/atom+xml", links.get(0).getAttribute("type"));
        assertEquals("alternate", links.get(1).getAttribute("rel"));
        assertEquals("https://tidings.example/", links.get(1).getAttribute("href"));
    }

    @Test
    void feedUpdatedIsTheNewestChangeEvenWhenAnOlderArticleChanged() {
        Article newest = article("https://blog.example/p/2", "Two", MARCH_5);
        Article older = withUpdated(article("https://blog.example/p/1", "One", MARCH_5.minusSeconds(86_400)),
                Instant.parse("2024-03-05T18:30:00Z"));

        Element feed = atom(List.of(newest, older));

        assertEquals("2024-03-05T18:30:00Z", text(feed, "updated"));
    }

    @Test
    void emptyFeedIsUpdatedAtClockTimeAndHasNoEntries() {
        Element feed = atom(List.of());

        assertEquals("2024-03-06T12:00:00Z", text(feed, "updated"));
        assertTrue(children(feed, "entry").isEmpty());
    }

    @Test
    void writesEntryFields() {
        Element entry = children(atom(List.of(article("https://blog.example/p/1", "One", MARCH_5))), "entry").get(0);

        assertEquals("https://blog.example/p/1", text(entry, "id"));
        assertEquals("One", text(entry, "title"));
        assertEquals("text", child(entry, "title").getAttribute("type"));
        assertEquals("https://blog.example/posts/1", child(entry, "link").getAttribute("href"));
        assertEquals("alternate", child(entry, "link").getAttribute("rel"));
        assertEquals("2024-03-05T10:00:00Z", text(entry, "published"));
        assertEquals("2024-03-05T10:00:00Z", text(entry, "updated"));
        assertEquals(List.of("Anne", "Bob"), children(entry, "author").stream().map(a -> text(a, "name")).toList());
        assertEquals(List.of("java", "feeds"),
                children(entry, "category").stream().map(c -> c.getAttribute("term")).toList());
        assertEquals("A short summary", text(entry, "summary"));
        assertEquals("html", child(entry, "content").getAttribute("type"));
        assertEquals("<p>Hello <b>world</b></p>", text(entry, "content"));
    }

    @Test
    void escapesHtmlContentInsteadOfEmbeddingIt() {
        String xml = utf8(write(MergedFeedFormat.ATOM, List.of(article("https://blog.example/p/1", "One", MARCH_5))));

        assertTrue(xml.contains("<content type=\"html\">&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</content>"), xml);
    }

    @Test
    void writesSourceElementPerEntry() {
        Source other = new Source(2, "Other", null, URI.create("https://other.example/rss"), null);
        List<Article> articles = List.of(
                article("https://blog.example/p/1", "One", MARCH_5), bare("42", other));

        List<Element> entries = children(atom(articles), "entry");

        Element first = child(entries.get(0), "source");
        assertEquals("https://blog.example/feed.xml", text(first, "id"));
        assertEquals("Le Blog", text(first, "title"));
        assertEquals("2024-03-05T10:00:00Z", text(first, "updated"));
        List<Element> links = children(first, "link");
        assertEquals(List.of("self", "alternate"), links.stream().map(l -> l.getAttribute("rel")).toList());
        assertEquals(List.of("https://blog.example/feed.xml", "https://blog.example/"),
                links.stream().map(l -> l.getAttribute("href")).toList());
        Element second = child(entries.get(1), "source");
        assertEquals("https://other.example/rss", text(second, "id"));
        assertEquals(1, children(second, "link").size());
    }

    @Test
    void keepsAbsoluteGuidAsEntryId() {
        Element entry = children(atom(List.of(article("tag:blog.example,2024:post-1", "One", MARCH_5))), "entry").get(0);

        assertEquals("tag:blog.example,2024:post-1", text(entry, "id"));
    }

    @Test
    void derivesStableUrnForGuidThatIsNotAUri() {
        Source other = new Source(2, "Other", null, URI.create("https://other.example/rss"), null);

        String first = text(children(atom(List.of(bare("post 42", BLOG))), "entry").get(0), "id");
        String again = text(children(atom(List.of(bare("post 42", BLOG))), "entry").get(0), "id");
        String otherFeed = text(children(atom(List.of(bare("post 42", other))), "entry").get(0), "id");

        assertTrue(first.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
        assertEquals(first, again);
        assertNotEquals(first, otherFeed);
    }

    @Test
    void creditsSourceFeedWhenArticleHasNoAuthor() {
        Element entry = children(atom(List.of(bare("42", BLOG))), "entry").get(0);

        assertEquals(List.of("Le Blog"), children(entry, "author").stream().map(a -> text(a, "name")).toList());
    }

    @Test
    void bareArticleStillHasContentBecauseItHasNoLink() {
        Element entry = children(atom(List.of(bare("42", BLOG))), "entry").get(0);

        assertTrue(children(entry, "link").isEmpty());
        assertTrue(children(entry, "category").isEmpty());
        assertTrue(children(entry, "summary").isEmpty());
        assertEquals("", text(entry, "content"));
    }

    @Test
    void escapesScriptInTitle() {
        String hostile = "</title><script>alert('x')</script> & ]]> <![CDATA[";
        byte[] bytes = write(MergedFeedFormat.ATOM, List.of(article("https://blog.example/p/1", hostile, MARCH_5)));

        String xml = utf8(bytes);
        assertFalse(xml.contains("<script>"), xml);
        assertFalse(xml.contains("]]>"), xml);
        assertEquals(hostile, text(children(parseXml(bytes).getDocumentElement(), "entry").get(0), "title"));
    }

    @Test
    void dropsControlCharactersIllegalInXml() {
        String title = "Bell\u0007 null\u0000 esc\u001B ok\tstill\uFFFE lone\uD800 end";

        Element entry = children(atom(List.of(article("https://blog.example/p/1", title, MARCH_5))), "entry").get(0);

        assertEquals("Bell null esc ok\tstill lone end", text(entry, "title"));
    }

    @Test
    void keepsNonAsciiTextExactly() {
        String title = "Élection à Zürich: “Straße” – ¿Qué pasó? 東京の天気 😀";
        Source source = new Source(3, "Ärzte Zeitung – Übersicht", null, URI.create("https://ärzte.example/feed"), null);
        Article article = new Article(1, source, "https://ärzte.example/a", null, title, List.of("José Müller"),
                MARCH_5, null, MARCH_5, "Résumé", "<p>日本語</p>", List.of("Санкт-Петербург"));

        Element entry = children(atom(List.of(article)), "entry").get(0);

        assertEquals(title, text(entry, "title"));
        assertEquals("José Müller", text(child(entry, "author"), "name"));
        assertEquals("Санкт-Петербург", child(entry, "category").getAttribute("term"));
        assertEquals("<p>日本語</p>", text(entry, "content"));
        assertEquals("Ärzte Zeitung – Übersicht", text(child(entry, "source"), "title"));
    }

    private static Element atom(List<Article> articles) {
        Document document = parseXml(write(MergedFeedFormat.ATOM, articles));
        return document.getDocumentElement();
    }

    private static Article withUpdated(Article a, Instant updated) {
        return new Article(a.id(), a.source(), a.guid(), a.url(), a.title(), a.authors(), a.publishedAt(), updated,
                a.firstSeenAt(), a.summary(), a.contentHtml(), a.categories());
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
