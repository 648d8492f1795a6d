package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tidings.parse.Fixtures.FEED_URL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlFeedFastPathTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String SECRET = "s3cr3t-only-in-the-file";
    private static final List<String> CONTENT_TYPES = java.util.Arrays.asList(null, "application/rss+xml",
            "text/xml; charset=UTF-8", "application/xml; charset=windows-1252", "text/xml; charset=iso-8859-1");

    @ParameterizedTest
    @ValueSource(strings = {"atom03.xml", "atom10-utf16be-bom-ja.xml", "atom10-utf16le-bom-ja.xml",
        "atom10-xml-base.xml", "hostile-billion-laughs.xml", "hostile-parameter-entity.xml", "hostile-xxe-http.xml",
        "jsonfeed10.json", "page-with-alternates.html", "rss090.rdf", "rss091-netscape-doctype.xml", "rss092.xml",
        "rss10.rdf", "rss20-http-charset-overrides-declaration-es.xml", "rss20-latin1-de.xml", "rss20-malformed.xml",
        "rss20-messy-entities.xml", "rss20-undeclared-windows1252.xml", "rss20-utf8-bom-blank-lines-el.xml",
        "rss20-windows1252-en.xml", "rss20-wordpress-fr.xml"})
    void readsEveryFixtureAsTheRepairingPathDoesOrLeavesItToThatPath(String fixture) {
        byte[] body = Fixtures.bytes(fixture);
        for (String contentType : CONTENT_TYPES) {
            RawFeed fast = XmlFeedFastPath.readOrNull(body, contentType, FEED_URL);

            if (fast != null) {
                assertEquals(repairingPath(body, contentType), fast, fixture + " as " + contentType);
            }
        }
    }

    @Test
    void readsWellFormedFeedsWithoutTheRepairingPath() {
        for (String fixture : List.of("rss20-wordpress-fr.xml", "rss20-latin1-de.xml", "rss20-windows1252-en.xml",
                "atom10-xml-base.xml", "rss10.rdf", "rss091-netscape-doctype.xml")) {
            assertNotNull(XmlFeedFastPath.readOrNull(Fixtures.bytes(fixture), null, FEED_URL), fixture);
        }
    }

    @Test
    void decodesPerHttpCharsetThatContradictsTheDeclaration() {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Se\u00f1ora N\u00fa\u00f1ez")
                .getBytes(StandardCharsets.UTF_8);

        RawFeed feed = XmlFeedFastPath.readOrNull(body, "application/rss+xml; charset=utf-8", FEED_URL);

        assertEquals("Se\u00f1ora N\u00fa\u00f1ez", feed.titleHtml());
    }

    @Test
    void readsIso88591LabelAsWindows1252() {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Tom\u2019s \u201cNotes\u201d")
                .getBytes(WINDOWS_1252);

        RawFeed feed = XmlFeedFastPath.readOrNull(body, "text/xml; charset=ISO-8859-1", FEED_URL);

        assertEquals("Tom\u2019s \u201cNotes\u201d", feed.titleHtml());
    }

    @Test
    void ignoresXml11Declaration() {
        byte[] body = rss("<?xml version=\"1.1\"?>", "a\u0085b").getBytes(StandardCharsets.UTF_8);

        assertEquals("a\u0085b", XmlFeedFastPath.readOrNull(body, null, FEED_URL).titleHtml());
    }

    @Test
    void leavesHtmlEntitiesToRepair() {
        byte[] body = rss("", "caf&eacute;&nbsp;bar").getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        assertEquals("caf\u00e9 bar", Fixtures.feed(new FeedParser().parse(body, null, FEED_URL)).title());
    }

    @Test
    void leavesC1NumericReferencesToRepair() {
        byte[] body = rss("", "a &#150; b &#x93;c&#x94;").getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        assertEquals("a \u2013 b \u201cc\u201d", Fixtures.feed(new FeedParser().parse(body, null, FEED_URL)).title());
    }

    @Test
    void leavesReferencesWithMoreDigitsThanRepairReadsToRepair() {
        byte[] body = rss("", "&#000000065;").getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        assertEquals("&#000000065;", repairingPath(body, null).titleHtml());
    }

    @Test
    void leavesForbiddenControlCharactersToRepair() {
        byte[] body = rss("", "a\u000Bb").getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        assertEquals("ab", Fixtures.feed(new FeedParser().parse(body, null, FEED_URL)).title());
    }

    @Test
    void readsInvalidUtf8AsWindows1252() {
        byte[] body = rss("", "Tom\u2019s").getBytes(WINDOWS_1252);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        assertEquals("Tom\u2019s", Fixtures.feed(new FeedParser().parse(body, null, FEED_URL)).title());
    }

    @Test
    void readsWholeDocumentAsWindows1252WhenOnlyItsPrologIsInvalidUtf8() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("<!-- caf\u00e9 -->".getBytes(WINDOWS_1252));
        body.write(rss("", "caf\u00e9").getBytes(StandardCharsets.UTF_8));

        assertNull(XmlFeedFastPath.readOrNull(body.toByteArray(), null, FEED_URL));
        assertEquals("caf\u00c3\u00a9", Fixtures.feed(new FeedParser().parse(body.toByteArray(), null, FEED_URL))
                .title());
    }

    @Test
    void readsWholeDocumentAsWindows1252WhenOnlyItsEpilogIsInvalidUtf8() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(rss("", "caf\u00e9").getBytes(StandardCharsets.UTF_8));
        body.write("<!-- caf\u00e9 -->".getBytes(WINDOWS_1252));

        assertNull(XmlFeedFastPath.readOrNull(body.toByteArray(), null, FEED_URL));
        assertEquals("caf\u00c3\u00a9", Fixtures.feed(new FeedParser().parse(body.toByteArray(), null, FEED_URL))
                .title());
    }

    @Test
    void neverReadsTheExternalEntitiesOfADoctype(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path dtd = Files.writeString(dir.resolve("feed.dtd"), "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">");
        byte[] body = rss("<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">", "&xxe;")
                .getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
        ParseResult result = new FeedParser().parse(body, null, FEED_URL);
        assertFalse(result.toString().contains(SECRET), result.toString());
    }

    @Test
    void leavesDoctypesWithInternalSubsetToTheRepairingPath() {
        byte[] body = rss("<!DOCTYPE rss [<!ENTITY a \"b\">]>", "&a;").getBytes(StandardCharsets.UTF_8);

        assertNull(XmlFeedFastPath.readOrNull(body, null, FEED_URL));
    }

    private static String rss(String prolog, String title) {
        return prolog + "<rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>https://example.com/</link><item><title>t</title></item></channel></rss>";
    }

    private static RawFeed repairingPath(byte[] body, String contentType) {
        String text = XmlCharsetDecoder.decode(body, contentType);
        return XmlFeedReader.read(text, FormatSniffer.sniff(text), FEED_URL);
    }
}
