package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.parse.Fixtures.feed;
import static org.tidings.parse.Fixtures.invalidReason;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.FeedFormat;
import org.tidings.model.ParsedFeed;

class FeedFormatsTest {
    @Test
    void readsRss090AsRdf() {
        ParsedFeed feed = feed("rss090.rdf");

        assertEquals(FeedFormat.RDF, feed.format());
        assertEquals("Mozilla Dot Org", feed.title());
        assertEquals(URI.create("http://www.mozilla.org/"), feed.siteUrl());
        assertEquals(List.of("New Status Updates", "Bugzilla Reorganized"),
                feed.entries().stream().map(e -> e.title()).toList());
        assertEquals(URI.create("http://www.mozilla.org/bugs/"), feed.entries().get(1).url());
    }

    @Test
    void readsNetscapeRss091AndDropsItsDoctype() {
        ParsedFeed feed = feed("rss091-netscape-doctype.xml");

        assertEquals(FeedFormat.RSS, feed.format());
        assertEquals("WriteTheWeb", feed.title());
        assertEquals(2, feed.entries().size());
        assertEquals(45, feed.ttlMinutes());
        assertTrue(feed.entries().get(0).summary().contains("Gnutella\u2014allowing"),
                feed.entries().get(0).summary());
    }

    @Test
    void readsRss092ItemsWithoutTitles() {
        ParsedFeed feed = feed("rss092.xml");

        assertEquals(FeedFormat.RSS, feed.format());
        assertEquals(2, feed.entries().size());
        assertEquals("", feed.entries().get(0).title());
        assertEquals(List.of("Music"), feed.entries().get(1).categories());
        assertTrue(feed.entries().get(0).contentHtml()
                .contains("href=\"http://www.scripting.com/music/dead.mp3\""), feed.entries().get(0).contentHtml());
    }

    @Test
    void readsRss20() {
        ParsedFeed feed = feed("rss20-wordpress-fr.xml");

        assertEquals(FeedFormat.RSS, feed.format());
        assertEquals("Le Carnet de Cuisine \u2013 Recettes d\u2019\u00e9t\u00e9", feed.title());
        assertEquals(URI.create("https://cuisine.example.fr/"), feed.siteUrl());
        assertEquals(2, feed.entries().size());
    }

    @Test
    void readsRss10AsRdfWithDublinCore() {
        ParsedFeed feed = feed("rss10.rdf");

        assertEquals(FeedFormat.RDF, feed.format());
        assertEquals("Meerkat", feed.title());
        assertEquals(List.of("Simon St.Laurent", "Rael Dornfest"), feed.entries().get(0).authors());
        assertEquals(List.of("XML", "Infrastructure"), feed.entries().get(0).categories());
        assertEquals("<p>Full <b>story</b> here.</p>", feed.entries().get(0).contentHtml());
    }

    @Test
    void readsAtom03() {
        ParsedFeed feed = feed("atom03.xml");

        assertEquals(FeedFormat.ATOM, feed.format());
        assertEquals("dive into mark", feed.title());
        assertEquals(URI.create("http://diveintomark.example.org/"), feed.siteUrl());
        assertEquals("<p>The <em>Atom</em> snapshot.</p>", feed.entries().get(0).contentHtml());
        assertEquals(List.of("Mark Pilgrim"), feed.entries().get(0).authors());
    }

    @Test
    void readsAtom10() {
        ParsedFeed feed = feed("atom10-xml-base.xml");

        assertEquals(FeedFormat.ATOM, feed.format());
        assertEquals("Example Blog", feed.title());
        assertEquals(2, feed.entries().size());
    }

    @Test
    void readsJsonFeed11() {
        ParsedFeed feed = feed("jsonfeed11.json");

        assertEquals(FeedFormat.JSON_FEED, feed.format());
        assertEquals("Caf\u00e9 & Croissants", feed.title());
    }

    @Test
    void readsJsonFeed10() {
        ParsedFeed feed = feed("jsonfeed10.json");

        assertEquals(FeedFormat.JSON_FEED, feed.format());
        assertEquals("Old JSON Feed", feed.title());
        assertEquals(2, feed.entries().size());
    }

    @Test
    void sniffsFormatFromContentNotFromContentType() {
        ParsedFeed feed = feed(Fixtures.parse("jsonfeed11.json", "text/html; charset=utf-8"));

        assertEquals(FeedFormat.JSON_FEED, feed.format());
        assertEquals(FeedFormat.ATOM, feed(Fixtures.parse("atom03.xml", "application/json")).format());
    }

    @Test
    void rejectsXmlThatIsNoFeed() {
        String reason = invalidReason(Fixtures.parseText("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/></opml>"));

        assertEquals("not a feed: unexpected root element <opml>", reason);
    }

    @Test
    void rejectsFeedRootInUnknownNamespace() {
        String reason = invalidReason(Fixtures.parseText("<feed xmlns=\"urn:not-atom\"><title>x</title></feed>"));

        assertTrue(reason.startsWith("not a feed format we read: root element <feed>"), reason);
    }

    @Test
    void rejectsJsonThatIsNoJsonFeed() {
        String reason = invalidReason(Fixtures.parseText("{\"name\": \"package.json\"}"));

        assertTrue(reason.contains("not a JSON Feed"), reason);
    }

    @Test
    void rejectsEmptyAndTextBodies() {
        assertEquals("empty document", invalidReason(Fixtures.parseText("")));
        assertTrue(invalidReason(Fixtures.parseText("hello world")).startsWith("not a feed"));
    }

    @Test
    void readsRssWithoutVersionAttributeAsRss20() {
        ParsedFeed feed = feed(Fixtures.parseText("<rss><channel><title>No version</title>"
                + "<item><title>One</title></item></channel></rss>"));

        assertEquals("No version", feed.title());
        assertEquals("One", feed.entries().get(0).title());
    }

    @Test
    void readsFeedsWithoutEntries() {
        ParsedFeed atom = feed(Fixtures.parseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>"));
        ParsedFeed rss = feed(Fixtures.parseText("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>"));

        assertEquals(List.of(), atom.entries());
        assertEquals(List.of(), rss.entries());
        assertEquals("Empty", rss.title());
    }

    @Test
    void rejectsRssWithoutChannel() {
        assertEquals("RSS document has no channel element",
                invalidReason(Fixtures.parseText("<rss version=\"2.0\"><item><title>x</title></item></rss>")));
    }
}
