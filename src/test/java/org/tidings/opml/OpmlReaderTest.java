package org.tidings.opml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlReaderTest {
    private final OpmlReader reader = new OpmlReader();

    @Test
    void nestedOutlinesBecomeCategories() {
        OpmlDocument document = read("nested.opml");

        assertEquals(List.of(
                new OpmlOutline(URI.create("https://loose.example/feed.xml"), "Loose",
                        URI.create("https://loose.example/"), null),
                new OpmlOutline(URI.create("https://java.example/rss"), "Java Blog",
                        URI.create("https://java.example/"), "Technology"),
                new OpmlOutline(URI.create("https://kernel.example/atom"), "Kernel News", null, "Deep"),
                new OpmlOutline(URI.create("https://tech.example/feed"), "Back in tech", null, "Technology"),
                new OpmlOutline(URI.create("https://unnamed.example/feed"), "Unnamed folder child", null, null),
                new OpmlOutline(URI.create("https://tagged.example/feed"), "Tagged", null, "Science/Physics"),
                new OpmlOutline(URI.create("https://both.example/feed"), "Both", null, "Folder wins")),
                document.feeds());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void readsOpml1WithEntitiesAndDeclaredEncoding() {
        OpmlDocument document = read("opml1.opml");

        assertEquals(List.of(
                new OpmlOutline(URI.create("http://cafe.example/rss.xml"), "Café Journal",
                        URI.create("http://cafe.example/"), null),
                new OpmlOutline(URI.create("http://strasse.example/index.xml"), "Straße & Co", null, null)),
                document.feeds());
    }

    @Test
    void decodesLatin1BytesFromTheXmlDeclaration() {
        assertEquals("Résumé", read("latin1.opml").feeds().get(0).title());
    }

    @Test
    void skipsAndReportsFeedsWithoutAbsoluteHttpUrl() {
        OpmlDocument document = read("invalid-urls.opml");

        assertEquals(List.of(URI.create("https://good.example/feed"), URI.create("https://ok.example/feed")),
                document.feeds().stream().map(OpmlOutline::xmlUrl).toList());
        assertEquals(5, document.problems().size(), document.problems().toString());
        assertEquals("Line 5: skipped \"Relative\": xmlUrl \"/feed.xml\" is not an absolute http(s) URL",
                document.problems().get(0));
        assertTrue(document.problems().get(1).contains("javascript:alert(1)"));
        assertTrue(document.problems().get(2).contains("file:///etc/passwd"));
        assertTrue(document.problems().get(3).contains("https://bad example/feed"));
        assertEquals("Line 9: skipped https://good.example/feed: listed twice", document.problems().get(4));
    }

    @Test
    void dropsHomePageThatIsNotHttp() {
        OpmlOutline feed = read("invalid-urls.opml").feeds().get(1);

        assertEquals(null, feed.htmlUrl());
    }

    @Test
    void rejectsOpmlWithExternalEntity() {
        OpmlException e = assertThrows(OpmlException.class, () -> read("xxe.opml"));

        assertEquals("Could not read OPML: DOCTYPE declarations are not allowed", e.getMessage());
    }

    @Test
    void rejectsEntityExpansionBomb() {
        assertThrows(OpmlException.class, () -> read("billion-laughs.opml"));
    }

    @Test
    void rejectsExternalDtdWithoutFetchingIt() {
        OpmlException e = assertThrows(OpmlException.class, () -> read("external-dtd.opml"));

        assertEquals("Could not read OPML: DOCTYPE declarations are not allowed", e.getMessage());
    }

    @Test
    void rejectsTruncatedDocument() {
        OpmlException e = assertThrows(OpmlException.class, () -> read("truncated.opml"));

        assertTrue(e.getMessage().startsWith("Could not read OPML: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void rejectsXmlThatIsNotOpml() {
        OpmlException e = assertThrows(OpmlException.class, () -> read("not-opml.xml"));

        assertEquals("Could not read OPML: not an OPML document (root element <rss>)", e.getMessage());
    }

    @Test
    void rejectsEmptyInput() {
        assertThrows(OpmlException.class, () -> reader.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void rejectsHtmlPage() {
        byte[] html = "<html><body><p>Not found<br></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThrows(OpmlException.class, () -> reader.read(new ByteArrayInputStream(html)));
    }

    @Test
    void treatsUrlInTextAsNoTitle() {
        String opml = "<opml version=\"2.0\"><body>"
                + "<outline type=\"rss\" text=\"https://a.example/feed\" xmlUrl=\"https://a.example/feed\"/>"
                + "</body></opml>";

        OpmlOutline feed = reader.read(new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8))).feeds().get(0);

        assertEquals(null, feed.title());
    }

    private OpmlDocument read(String fixture) {
        try (InputStream in = getClass().getResourceAsStream("/opml/" + fixture)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
