package org.tidings.opml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpmlWriterTest {
    private static final Instant CREATED = Instant.parse("2024-03-05T10:00:00Z");

    private static final OpmlOutline ZEBRA = feed("https://zebra.example/feed", "zebra news", null);
    private static final OpmlOutline APPLE = feed("https://apple.example/feed", "Apple", null);
    private static final OpmlOutline JAVA = feed("https://java.example/rss", "Java Blog", "Tech");
    private static final OpmlOutline ATOMS = feed("https://atoms.example/rss", "Atoms", "Science");
    private static final OpmlOutline KERNEL = feed("https://kernel.example/atom", null, "Tech");

    @Test
    void writesHeadWithTitleAndRfc822Date() {
        String xml = write(List.of());

        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<opml version=\"2.0\">"), xml);
        assertTrue(xml.contains("<title>Tidings feeds</title>"), xml);
        assertTrue(xml.contains("<dateCreated>Tue, 05 Mar 2024 10:00:00 GMT</dateCreated>"), xml);
    }

    @Test
    void writesUncategorizedFeedsFirstThenOneFolderPerCategorySorted() {
        String xml = write(List.of(ZEBRA, JAVA, KERNEL, ATOMS, APPLE));

        assertEquals(List.of("Apple", "zebra news", "Science", "Atoms", "Tech", "https://kernel.example/atom",
                "Java Blog"), texts(xml));
        assertTrue(xml.contains("<outline text=\"Science\" title=\"Science\">"), xml);
    }

    @Test
    void writesFeedOutlineAttributes() {
        OpmlOutline full = new OpmlOutline(URI.create("https://a.example/feed?x=1&y=2"), "A & \"B\"",
                URI.create("https://a.example/"), null);

        String xml = write(List.of(full));

        assertTrue(xml.contains("<outline type=\"rss\" text=\"A &amp; &quot;B&quot;\" title=\"A &amp; &quot;B&quot;\""
                + " xmlUrl=\"https://a.example/feed?x=1&amp;y=2\" htmlUrl=\"https://a.example/\"/>"), xml);
    }

    @Test
    void roundTripReturnsTheSameOutlines() {
        OpmlOutline accents = new OpmlOutline(URI.create("https://presse.example/flux"),
                "Élysée – “Le Monde” ¿Qué? 東京 😀", URI.create("https://presse.example/"), "Actualités");
        // A feed without title sorts by its URL: "https://kernel..." before "Java Blog".
        List<OpmlOutline> sorted = List.of(APPLE, ZEBRA, accents, ATOMS, KERNEL, JAVA);

        OpmlDocument read = new OpmlReader().read(new ByteArrayInputStream(bytes(List.of(KERNEL, accents, JAVA,
                ZEBRA, ATOMS, APPLE))));

        assertEquals(sorted, read.feeds());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void dropsControlCharactersSoTheExportStaysReadable() {
        OpmlOutline bad = feed("https://bad.example/feed", "Bad\u0000 \u001Btitle", "Cat\u0007egory");

        OpmlDocument read = new OpmlReader().read(new ByteArrayInputStream(bytes(List.of(bad))));

        assertEquals(List.of(feed("https://bad.example/feed", "Bad title", "Category")), read.feeds());
    }

    @Test
    void escapesMarkupInTitles() {
        String xml = write(List.of(feed("https://x.example/feed", "</outline><script>x</script>", null)));

        assertFalse(xml.contains("<script>"), xml);
    }

    private static OpmlOutline feed(String xmlUrl, String title, String category) {
        return new OpmlOutline(URI.create(xmlUrl), title, null, category);
    }

    private static byte[] bytes(List<OpmlOutline> feeds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpmlWriter().write("Tidings feeds", feeds, CREATED, out);
        return out.toByteArray();
    }

    private static String write(List<OpmlOutline> feeds) {
        return new String(bytes(feeds), StandardCharsets.UTF_8);
    }

    private static List<String> texts(String xml) {
        Matcher m = Pattern.compile("<outline[^>]* text=\"([^\"]*)\"").matcher(xml);
        return m.results().map(r -> r.group(1)).toList();
    }
}
