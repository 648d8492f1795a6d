package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class RssFeedWriterTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Instant MARCH_5 = Instant.parse("2024-03-05T10:00:00Z");

    @Test
    void writesChannelWithAtomSelfLinkAndNoLanguage() {
        Element rss = rss(List.of(article("https://blog.example/p/1", "One", MARCH_5)));
        Element channel = child(rss, null, "channel");

        assertEquals("2.0", rss.getAttribute("version"));
        assertEquals("Tidings digest", text(channel, "title"));
        assertEquals("https://tidings.example/", text(channel, "link"));
        assertEquals("Everything we follow", text(channel, "description"));
        assertEquals("Tidings", text(channel, "generator"));
        assertEquals("Tue, 05 Mar 2024 10:00:00 GMT", text(channel, "lastBuildDate"));
        Element self = child(channel, ATOM, "link");
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("https://tidings.example/feed.atom", self.getAttribute("href"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
        assertTrue(children(channel, null, "language").isEmpty());
    }

    @Test
    void emptyFeedIsBuiltAtClockTime() {
        Element channel = child(rss(List.of()), null, "channel");

        assertEquals("Wed, 06 Mar 2024 12:00:00 GMT", text(channel, "lastBuildDate"));
        assertTrue(children(channel, null, "item").isEmpty());
    }

    @Test
    void writesItemFields() {
        Element item = firstItem(List.of(article("https://blog.example/p/1", "One", MARCH_5)));

        assertEquals("One", text(item, "title"));
        assertEquals("https://blog.example/posts/1", text(item, "link"));
        assertEquals("<p>Hello <b>world</b></p>", text(item, "description"));
        assertEquals("Tue, 05 Mar 2024 10:00:00 GMT", text(item, "pubDate"));
        assertEquals(List.of("java", "feeds"), texts(children(item, null, "category")));
        Element source = child(item, null, "source");
        assertEquals("https://blog.example/feed.xml", source.getAttribute("url"));
        assertEquals("Le Blog", source.getTextContent());
    }

    @Test
    void writesAuthorsAsDcCreatorNotRssAuthor() {
        Element item = firstItem(List.of(article("https://blog.example/p/1", "One", MARCH_5)));

        assertEquals(List.of("Anne", "Bob"), texts(children(item, DC, "creator")));
        assertTrue(children(item, null, "author").isEmpty());
    }

    @Test
    void marksGuidAsPermalinkOnlyWhenItIsTheArticleUrl() {
        Element permalink = child(firstItem(List.of(article("https://blog.example/posts/1", "One", MARCH_5))),
                null, "guid");
        Element otherUri = child(firstItem(List.of(article("tag:blog.example,2024:1", "One", MARCH_5))),
                null, "guid");
        Element notUri = child(firstItem(List.of(bare("42", BLOG))), null, "guid");

        assertEquals("true", permalink.getAttribute("isPermaLink"));
        assertEquals("https://blog.example/posts/1", permalink.getTextContent());
        assertEquals("false", otherUri.getAttribute("isPermaLink"));
        assertEquals("tag:blog.example,2024:1", otherUri.getTextContent());
        assertEquals("false", notUri.getAttribute("isPermaLink"));
        assertTrue(notUri.getTextContent().startsWith("urn:uuid:"), notUri.getTextContent());
    }

    @Test
    void ftpUrlGuidIsNotAPermalink() {
        Article a = article("ftp://blog.example/1", "One", MARCH_5);
        Article ftp = new Article(a.id(), a.source(), a.guid(), URI.create("ftp://blog.example/1"), a.title(),
                a.authors(), a.publishedAt(), null, a.firstSeenAt(), a.summary(), a.contentHtml(), a.categories());

        assertEquals("false", child(firstItem(List.of(ftp)), null, "guid").getAttribute("isPermaLink"));
    }

    @Test
    void escapesPlainSummaryAsHtmlWhenThereIsNoContent() {
        Article a = article("https://blog.example/p/1", "One", MARCH_5);
        Article summaryOnly = new Article(a.id(), a.source(), a.guid(), a.url(), a.title(), a.authors(),
                a.publishedAt(), null, a.firstSeenAt(), "Why 1 < 2 & <b> is not bold", "", a.categories());

        Element item = firstItem(List.of(summaryOnly));

        assertEquals("Why 1 &lt; 2 &amp; &lt;b&gt; is not bold", text(item, "description"));
    }

    @Test
    void bareArticleHasTitleGuidDateAndSourceOnly() {
        Element item = firstItem(List.of(bare("42", BLOG)));

        assertEquals("Bare", text(item, "title"));
        assertTrue(children(item, null, "link").isEmpty());
        assertTrue(children(item, null, "description").isEmpty());
        assertTrue(children(item, DC, "creator").isEmpty());
        assertTrue(children(item, null, "category").isEmpty());
        assertEquals("Fri, 01 Mar 2024 08:00:00 GMT", text(item, "pubDate"));
    }

    @Test
    void keepsEmptyTitleWhenThereIsNothingElseToShow() {
        Article a = bare("42", BLOG);
        Article untitled = new Article(a.id(), a.source(), a.guid(), null, "", List.of(), a.publishedAt(), null,
                a.firstSeenAt(), "", "", List.of());

        Element item = firstItem(List.of(untitled));

        assertEquals("", text(item, "title"));
    }

    @Test
    void escapesScriptInTitle() {
        String hostile = "</title><script>alert(1)</script> ]]> & \"quoted\"";
        byte[] bytes = write(MergedFeedFormat.RSS, List.of(article("https://blog.example/p/1", hostile, MARCH_5)));

        assertFalse(utf8(bytes).contains("<script>"));
        assertFalse(utf8(bytes).contains("]]>"));
        Element channel = child(parseXml(bytes).getDocumentElement(), null, "channel");
        assertEquals(hostile, text(child(channel, null, "item"), "title"));
    }

    @Test
    void dropsControlCharactersAndKeepsNonAscii() {
        String title = "Ça\u0001 va, Straße\u000B, ¿sí? “quote” 北京 😀";

        Element item = firstItem(List.of(article("https://blog.example/p/1", title, MARCH_5)));

        assertEquals("Ça va, Straße, ¿sí? “quote” 北京 😀", text(item, "title"));
    }

    private static Element rss(List<Article> articles) {
        return parseXml(write(MergedFeedFormat.RSS, articles)).getDocumentElement();
    }

    private static Element firstItem(List<Article> articles) {
        return child(child(rss(articles), null, "channel"), null, "item");
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && java.util.Objects.equals(namespace, e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, null, name).getTextContent();
    }

    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::getTextContent).toList();
    }
}
