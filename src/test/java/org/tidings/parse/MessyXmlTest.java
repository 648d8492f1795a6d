package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.parse.Fixtures.feed;
import static org.tidings.parse.Fixtures.invalidReason;
import static org.tidings.parse.Fixtures.onlyEntry;
import static org.tidings.parse.Fixtures.rssItem;

import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

class MessyXmlTest {
    @Test
    void readsHtmlEntitiesBareAmpersandsAndControlCharacters() {
        ParsedFeed feed = feed("rss20-messy-entities.xml");

        assertTrue(feed.title().startsWith("Messy & Caf\u00e9"), feed.title());
        assertEquals("Caf\u00e9 \u2019n\u2019 more\u2026 \u20ac \u263a \u2013 Fish & Chips &unknownentity;",
                feed.entries().get(0).title());
    }

    @Test
    void leavesEntitiesInsideCdataForTheHtmlStage() {
        Entry entry = feed("rss20-messy-entities.xml").entries().get(0);

        assertEquals("Keep & as is \u00e9 in CDATA", entry.summary());
    }

    @Test
    void resolvesRelativeLinkAgainstSiteUrl() {
        Entry entry = feed("rss20-messy-entities.xml").entries().get(0);

        assertEquals("https://messy.example.com/relative/item", entry.url().toString());
    }

    @Test
    void reportsLineOfMalformedXml() {
        String reason = invalidReason(Fixtures.parse("rss20-malformed.xml", null));

        assertTrue(reason.startsWith("malformed XML at line 7:"), reason);
    }

    @Test
    void countsLinesOfDroppedPrologInErrorLine() {
        String xml = "\n\n<?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\">\n<channel>\n<title>x</tittle>";

        String reason = invalidReason(Fixtures.parseText(xml));

        assertTrue(reason.startsWith("malformed XML at line 7:"), reason);
    }

    @Test
    void keepsNothingOfAFeedThatFailsHalfway() {
        String xml = rssItem("<title>fine</title>") .replace("</channel>", "<item><title>bad</item></channel>");

        assertTrue(invalidReason(Fixtures.parseText(xml)).startsWith("malformed XML"));
    }

    @Test
    void decodesNumericReferencesToWindows1252Range() {
        Entry entry = onlyEntry(rssItem("<title>&#147;Hi&#148; &#150; &#128;</title>"));

        assertEquals("\u201cHi\u201d \u2013 \u20ac", entry.title());
    }

    @Test
    void dropsNumericReferencesToForbiddenCharacters() {
        Entry entry = onlyEntry(rssItem("<title>a&#0;b&#x1;c&#xD800;d</title>"));

        assertEquals("abcd", entry.title());
    }

    @Test
    void readsEntityWithTwoCodepoints() {
        Entry entry = onlyEntry(rssItem("<title>x&NotEqualTilde;y</title>"));

        assertEquals("x\u2242\u0338y", entry.title());
    }
}
