package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tidings.parse.Fixtures.feed;
import static org.tidings.parse.Fixtures.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

class CharsetDecodingTest {
    @Test
    void decodesLatin1FeedDeclaredInXmlDeclaration() {
        ParsedFeed feed = feed("rss20-latin1-de.xml");

        assertEquals("Gr\u00fc\u00dfe aus M\u00fcnchen", feed.title());
        Entry entry = feed.entries().get(0);
        assertEquals("\u00dcber die Gr\u00f6\u00dfe der Stra\u00dfenbahnen", entry.title());
        assertEquals("Die Fahrg\u00e4ste in K\u00f6ln m\u00fcssen sich gedulden.", entry.summary());
    }

    @Test
    void decodesWindows1252CurlyQuotesAndEuro() {
        ParsedFeed feed = feed("rss20-windows1252-en.xml");

        assertEquals("Tom\u2019s \u201cNotes\u201d", feed.title());
        assertEquals("It\u2019s a \u201cquoted\u201d title \u2013 with a dash\u2026", feed.entries().get(0).title());
        assertEquals("Costs \u20ac5 \u2014 cheap", feed.entries().get(0).summary());
    }

    @Test
    void decodesInvalidUtf8WithoutDeclarationAsWindows1252() {
        ParsedFeed feed = feed("rss20-undeclared-windows1252.xml");

        assertEquals("Tom\u2019s \u201cNotes\u201d", feed.title());
    }

    @Test
    void decodesUtf16LittleEndianWithBom() {
        ParsedFeed feed = feed("atom10-utf16le-bom-ja.xml");

        assertEquals("\u6771\u4eac\u306e\u98df\u3079\u6b69\u304d", feed.title());
        Entry entry = feed.entries().get(0);
        assertEquals("\u30e9\u30fc\u30e1\u30f3\u306e\u540d\u5e97\u3092\u8a2a\u306d\u3066", entry.title());
        assertEquals("\u91a4\u6cb9\u30e9\u30fc\u30e1\u30f3\u304c\u304a\u3044\u3057\u3044\u3002", entry.summary());
        assertEquals("\u5c71\u7530\u592a\u90ce", entry.authors().get(0));
    }

    @Test
    void decodesUtf16BigEndianWithBom() {
        ParsedFeed feed = feed("atom10-utf16be-bom-ja.xml");

        assertEquals("\u6771\u4eac\u306e\u98df\u3079\u6b69\u304d", feed.title());
    }

    @Test
    void decodesUtf8WithBomAndBlankLinesBeforeDeclaration() {
        ParsedFeed feed = feed("rss20-utf8-bom-blank-lines-el.xml");

        assertEquals("\u039d\u03ad\u03b1 \u03c4\u03b7\u03c2 \u0391\u03b8\u03ae\u03bd\u03b1\u03c2", feed.title());
        assertEquals("\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 \u03ba\u03cc\u03c3\u03bc\u03b5",
                feed.entries().get(0).title());
    }

    @Test
    void httpCharsetOverridesXmlDeclaration() {
        ParsedFeed feed = feed(parse("rss20-http-charset-overrides-declaration-es.xml",
                "application/rss+xml; charset=\"UTF-8\""));

        assertEquals("El Rinc\u00f3n de la Se\u00f1ora N\u00fa\u00f1ez", feed.title());
        assertEquals("\u00bfQu\u00e9 tal la paella? \u00a1Buen\u00edsima!", feed.entries().get(0).title());
    }

    @Test
    void xmlDeclarationDecidesWhenHttpGivesNoCharset() {
        ParsedFeed feed = feed(parse("rss20-http-charset-overrides-declaration-es.xml", "application/rss+xml"));

        assertEquals("El Rinc\u00c3\u00b3n de la Se\u00c3\u00b1ora N\u00c3\u00ba\u00c3\u00b1ez", feed.title());
    }

    @Test
    void byteOrderMarkOverridesHttpCharset() {
        ParsedFeed feed = feed(parse("atom10-utf16le-bom-ja.xml", "text/xml; charset=iso-8859-1"));

        assertEquals("\u6771\u4eac\u306e\u98df\u3079\u6b69\u304d", feed.title());
    }

    @Test
    void decodesGreekDeclaredAsIso88597() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-7\"?><rss version=\"2.0\"><channel>"
                + "<title>\u0395\u03bb\u03bb\u03ac\u03b4\u03b1</title></channel></rss>";
        byte[] body = xml.getBytes(Charset.forName("ISO-8859-7"));

        ParsedFeed feed = feed(new FeedParser().parse(body, null, Fixtures.FEED_URL));

        assertEquals("\u0395\u03bb\u03bb\u03ac\u03b4\u03b1", feed.title());
    }

    @Test
    void replacesBytesInvalidInDeclaredCharsetInsteadOfFailing() {
        byte[] body = "<rss version=\"2.0\"><channel><title>A\u00ff</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed feed = feed(new FeedParser().parse(body, "text/xml; charset=utf-8", Fixtures.FEED_URL));

        assertEquals("A\ufffd", feed.title());
    }

    @Test
    void ignoresUnknownCharsetNames() {
        ParsedFeed feed = feed(parse("rss20-wordpress-fr.xml", "text/xml; charset=klingon-8"));

        assertEquals("Le Carnet de Cuisine \u2013 Recettes d\u2019\u00e9t\u00e9", feed.title());
    }
}
