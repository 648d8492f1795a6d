package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.parse.Fixtures.feed;
import static org.tidings.parse.Fixtures.onlyEntry;
import static org.tidings.parse.Fixtures.rssItem;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

class EntryFieldsTest {
    @Test
    void mapsWordPressItem() {
        Entry entry = feed("rss20-wordpress-fr.xml").entries().get(0);

        assertEquals("https://cuisine.example.fr/?p=1042", entry.guid());
        assertEquals(URI.create("https://cuisine.example.fr/2025/06/creme-brulee-lavande/"), entry.url());
        assertEquals("Cr\u00e8me br\u00fbl\u00e9e \u00e0 la lavande & au miel", entry.title());
        assertEquals(List.of("Am\u00e9lie Durand"), entry.authors());
        assertEquals(List.of("Desserts", "\u00c9t\u00e9"), entry.categories());
        assertEquals(Instant.parse("2025-06-09T14:30:00Z"), entry.published());
        assertNull(entry.updated());
        assertTrue(entry.summary().startsWith("Une cr\u00e8me br\u00fbl\u00e9e parfum\u00e9e"), entry.summary());
    }

    @Test
    void sanitizesContentEncodedWithAbsoluteUrls() {
        Entry entry = feed("rss20-wordpress-fr.xml").entries().get(0);

        assertTrue(entry.contentHtml().contains(
                "src=\"https://cuisine.example.fr/wp-content/uploads/2025/06/creme.jpg\""), entry.contentHtml());
        assertTrue(entry.contentHtml().contains("href=\"https://cuisine.example.fr/2025/05/tarte-tatin/\""));
        assertFalse(entry.contentHtml().contains("script"));
    }

    @Test
    void keepsEveryDcCreatorInOrder() {
        Entry entry = feed("rss20-wordpress-fr.xml").entries().get(1);

        assertEquals(List.of("Am\u00e9lie Durand", "Jean-Pierre Martin"), entry.authors());
        assertEquals(Instant.parse("2025-06-08T07:05:00Z"), entry.published());
    }

    @Test
    void takesNameFromRssAuthorEmail() {
        Entry entry = feed("rss20-latin1-de.xml").entries().get(0);

        assertEquals(List.of("J\u00fcrgen Wei\u00df"), entry.authors());
    }

    @Test
    void readsRefreshHintFromSyndicationModule() {
        assertEquals(60, feed("rss20-wordpress-fr.xml").ttlMinutes());
        assertEquals(30, feed("rss10.rdf").ttlMinutes());
        assertNull(feed("rss20-latin1-de.xml").ttlMinutes());
    }

    @Test
    void usesGuidElseLinkElseHash() {
        Entry withGuid = onlyEntry(rssItem("<guid isPermaLink=\"false\"> abc-1 </guid><link>/a</link>"));
        Entry withLink = onlyEntry(rssItem("<title>t</title><link>/posts/a</link>"));
        Entry bare = onlyEntry(rssItem("<title>Same</title><description>Body</description>"));
        Entry bareAgain = onlyEntry(rssItem("<title>Same</title><description>Body</description>"));
        Entry other = onlyEntry(rssItem("<title>Same</title><description>Other body</description>"));

        assertEquals("abc-1", withGuid.guid());
        assertEquals("https://site.example.org/posts/a", withLink.guid());
        assertTrue(bare.guid().matches("[0-9a-f]{64}"), bare.guid());
        assertEquals(bare.guid(), bareAgain.guid());
        assertFalse(bare.guid().equals(other.guid()));
    }

    @Test
    void usesPermalinkGuidAsLinkWhenLinkIsMissing() {
        Entry entry = onlyEntry(rssItem("<guid>https://site.example.org/p/7</guid>"));

        assertEquals(URI.create("https://site.example.org/p/7"), entry.url());
    }

    @Test
    void readsIso8601InPubDateAndFallsBackToDcDate() {
        Entry iso = onlyEntry(rssItem("<pubDate>2025-06-01T10:00:00Z</pubDate>"));
        Entry dc = onlyEntry(rssItem("<dc:date>2025-06-02T10:00:00+02:00</dc:date>"));

        assertEquals(Instant.parse("2025-06-01T10:00:00Z"), iso.published());
        assertEquals(Instant.parse("2025-06-02T08:00:00Z"), dc.published());
    }

    @Test
    void keepsEntryWithUnparseableDate() {
        Entry entry = onlyEntry(rssItem("<title>Kept</title><pubDate>yesterday-ish</pubDate>"));

        assertEquals("Kept", entry.title());
        assertNull(entry.published());
    }

    @Test
    void stripsMarkupAndCollapsesWhitespaceInTitles() {
        Entry entry = onlyEntry(rssItem("<title>  &lt;b&gt;Bold&lt;/b&gt;\n\t  news &amp;amp; views </title>"));

        assertEquals("Bold news & views", entry.title());
    }

    @Test
    void prefersDescriptionForSummaryAndContentEncodedForContent() {
        Entry entry = onlyEntry(rssItem("<description>Short teaser</description>"
                + "<content:encoded><![CDATA[<p>Full text</p>]]></content:encoded>"));

        assertEquals("Short teaser", entry.summary());
        assertEquals("<p>Full text</p>", entry.contentHtml());
    }

    @Test
    void usesDescriptionAsContentWhenThereIsNoOther() {
        Entry entry = onlyEntry(rssItem("<description>&lt;p&gt;Only &lt;i&gt;this&lt;/i&gt;&lt;/p&gt;</description>"));

        assertEquals("<p>Only <i>this</i></p>", entry.contentHtml());
        assertEquals("Only this", entry.summary());
    }

    @Test
    void summarizesLongContentWhenThereIsNoDescription() {
        String words = "word ".repeat(200);
        Entry entry = onlyEntry(rssItem("<content:encoded>" + words + "</content:encoded>"));

        assertTrue(entry.summary().length() <= FeedNormalizer.SUMMARY_CHARS, entry.summary());
        assertTrue(entry.summary().startsWith("word word"));
    }

    @Test
    void deduplicatesCategoriesAcrossRssAndDublinCore() {
        Entry entry = onlyEntry(rssItem("<category>News</category><dc:subject>News</dc:subject>"
                + "<dc:subject>&lt;i&gt;Tech&lt;/i&gt;</dc:subject>"));

        assertEquals(List.of("News", "Tech"), entry.categories());
    }

    @Test
    void readsAtomXmlBaseTextTypesAndAuthors() {
        ParsedFeed feed = feed("atom10-xml-base.xml");
        Entry first = feed.entries().get(0);

        assertEquals(URI.create("https://example.org/blog/"), feed.siteUrl());
        assertEquals("urn:uuid:first", first.guid());
        assertEquals(URI.create("https://cdn.example.net/posts/first.html"), first.url());
        assertEquals("Less < more & \"quotes\"", first.title());
        assertEquals(List.of("Alice", "Bob"), first.authors());
        assertEquals(List.of("java", "Labelled only"), first.categories());
        assertEquals("A summary with <tags> that are text.", first.summary());
        assertTrue(first.contentHtml().contains("href=\"https://cdn.example.net/posts/more.html\""), first.contentHtml());
        assertTrue(first.contentHtml().contains("src=\"https://cdn.example.net/posts/pic.png\""), first.contentHtml());
    }

    @Test
    void readsAtomPublishedAndUpdatedSeparately() {
        Entry first = feed("atom10-xml-base.xml").entries().get(0);

        assertEquals(Instant.parse("2025-06-01T10:00:00Z"), first.published());
        assertEquals(Instant.parse("2025-06-01T11:00:00Z"), first.updated());
    }

    @Test
    void usesAtomUpdatedWhenPublishedIsMissing() {
        Entry second = feed("atom10-xml-base.xml").entries().get(1);

        assertEquals(Instant.parse("2025-06-02T09:00:00Z"), second.published());
        assertEquals(Instant.parse("2025-06-02T09:00:00Z"), second.updated());
    }

    @Test
    void inheritsFeedXmlBaseAndFeedAuthor() {
        Entry second = feed("atom10-xml-base.xml").entries().get(1);

        assertEquals(URI.create("https://example.org/blog/second.html"), second.url());
        assertEquals(List.of("Feed Author"), second.authors());
    }

    @Test
    void escapesAtomTextContentBeforeTreatingItAsHtml() {
        Entry second = feed("atom10-xml-base.xml").entries().get(1);

        assertEquals("Line one &amp; &lt;two&gt;", second.contentHtml());
        assertEquals("Line one & <two>", second.summary());
    }

    @Test
    void readsAtom03Dates() {
        List<Entry> entries = feed("atom03.xml").entries();

        assertEquals(Instant.parse("2003-12-13T12:29:29Z"), entries.get(0).published());
        assertEquals(Instant.parse("2003-12-13T18:30:02Z"), entries.get(0).updated());
        assertEquals(Instant.parse("2003-12-12T08:00:00Z"), entries.get(1).published());
        assertNull(entries.get(1).updated());
        assertEquals("Plain <summary> text", entries.get(1).summary());
    }

    @Test
    void readsRdfDublinCoreDateAndToleratesBadOne() {
        List<Entry> entries = feed("rss10.rdf").entries();

        assertEquals(Instant.parse("2000-01-01T11:00:00Z"), entries.get(0).published());
        assertNull(entries.get(1).published());
        assertEquals("No date here", entries.get(1).title());
    }

    @Test
    void keepsDocumentOrder() {
        ParsedFeed feed = feed("rss20-wordpress-fr.xml");

        assertEquals(List.of("Cr\u00e8me br\u00fbl\u00e9e \u00e0 la lavande & au miel", "Ratatouille ni\u00e7oise"),
                feed.entries().stream().map(Entry::title).toList());
    }
}
