package org.tidings.opml;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feeds out of an OPML 1.0 or 2.0 list, as exported by feed readers. Thread-safe.
 *
 * <p>OPML comes from users and other programs, so DTDs are refused outright: no external entity
 * can be fetched (XXE) and no internal entity can be expanded (billion laughs).
 */
public final class OpmlReader {

    /**
     * @param in the document; its encoding is taken from the BOM or XML declaration. Not closed.
     * @throws OpmlException when the document is not well-formed OPML or declares a DOCTYPE
     */
    public OpmlDocument read(InputStream in) {
        XMLStreamReader xml = null;
        try {
            xml = secureFactory().createXMLStreamReader(in);
            return new OutlineCollector(xml).collect();
        } catch (XMLStreamException e) {
            // The JDK's message spans two lines: "ParseError at [row,col]:[1,5]\nMessage: ...".
            throw new OpmlException(e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own parser, so these settings mean what they say whatever else is on the classpath.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Nothing left to read; the result or the original failure is what matters.
        }
    }
}
