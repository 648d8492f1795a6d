package org.tidings.opml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a feed list as OPML 2.0 that feed readers import: feeds without a category at the top,
 * then one folder outline per category. Thread-safe.
 */
public final class OpmlWriter {
    // OPML 2.0 dates are RFC 822, like RSS; English names whatever the JVM locale.
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    private static final Comparator<OpmlOutline> BY_TEXT = Comparator.comparing(OpmlOutline::text, BY_NAME);

    /**
     * Writes the document and flushes {@code out} without closing it.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(String title, List<OpmlOutline> feeds, Instant dateCreated, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            indent(xml, 1);
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", RFC_822.format(dateCreated));
            indent(xml, 1);
            xml.writeEndElement();
            indent(xml, 1);
            xml.writeStartElement("body");
            body(xml, feeds);
            indent(xml, 1);
            xml.writeEndElement();
            indent(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("Could not write OPML: " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void body(XMLStreamWriter xml, List<OpmlOutline> feeds) throws XMLStreamException {
        Map<String, List<OpmlOutline>> byCategory = feeds.stream()
                .filter(OpmlWriter::hasCategory)
                .collect(Collectors.groupingBy(OpmlOutline::category, () -> new TreeMap<>(BY_NAME), Collectors.toList()));
        for (OpmlOutline feed : feeds.stream().filter(feed -> !hasCategory(feed)).sorted(BY_TEXT).toList()) {
            feed(xml, feed, 2);
        }
        for (Map.Entry<String, List<OpmlOutline>> folder : byCategory.entrySet()) {
            indent(xml, 2);
            xml.writeStartElement("outline");
            xml.writeAttribute("text", legal(folder.getKey()));
            xml.writeAttribute("title", legal(folder.getKey()));
            for (OpmlOutline feed : folder.getValue().stream().sorted(BY_TEXT).toList()) {
                feed(xml, feed, 3);
            }
            indent(xml, 2);
            xml.writeEndElement();
        }
    }

    private static void feed(XMLStreamWriter xml, OpmlOutline feed, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", legal(feed.text()));
        if (feed.title() != null) {
            xml.writeAttribute("title", legal(feed.title()));
        }
        xml.writeAttribute("xmlUrl", feed.xmlUrl().toString());
        if (feed.htmlUrl() != null) {
            xml.writeAttribute("htmlUrl", feed.htmlUrl().toString());
        }
    }

    private static boolean hasCategory(OpmlOutline feed) {
        return feed.category() != null && !feed.category().isBlank();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        indent(xml, 2);
        xml.writeStartElement(name);
        xml.writeCharacters(legal(text));
        xml.writeEndElement();
    }

    /** People open exported lists in editors, so the file is indented. */
    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * Drops what XML 1.0 cannot carry even escaped (control characters, lone surrogates), so one bad
     * title never makes the whole export unreadable.
     */
    private static String legal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD
                        || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
