package org.tidings.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * Parses text or bytes to a JDOM document with a SAX parser that can never read a DTD or an external
 * entity, nor expand entities without bound (OWASP XXE prevention cheat sheet, Java section).
 * One parser per thread: building a parser costs more than parsing a small feed.
 */
final class SafeXmlReader {
    private static final SAXParserFactory FACTORY = hardenedFactory();
    private static final ThreadLocal<SAXBuilder> BUILDER = ThreadLocal.withInitial(SafeXmlReader::newBuilder);
    /** Deeper nesting is hostile or broken, and recursive code downstream would overflow on it. */
    private static final String MAX_ELEMENT_DEPTH = "1000";

    private SafeXmlReader() {
    }

    /**
     * @param lineOffset lines dropped before {@code xml} began, so errors name lines of the original
     */
    static Document read(String xml, int lineOffset) {
        try {
            return BUILDER.get().build(new StringReader(xml));
        } catch (JDOMParseException e) {
            throw new InvalidFeedException(describe(e, lineOffset));
        } catch (JDOMException | IOException e) {
            throw new InvalidFeedException("unreadable XML: " + e.getMessage());
        }
    }

    /**
     * Parses bytes in a known charset, for documents expected to be well-formed.
     *
     * @return null when the bytes are not well-formed XML in that charset, for whatever reason:
     *     the caller then takes the repairing path, which also words the error
     */
    static Document readOrNull(byte[] body, int from, Charset charset) {
        // The JDK's decoder, which reports bad input, rather than the parser's own: it is faster,
        // and it reads exactly as the String decoding of the repairing path does.
        Reader text = new InputStreamReader(new ByteArrayInputStream(body, from, body.length - from),
                charset.newDecoder());
        try {
            return BUILDER.get().build(text);
        } catch (JDOMException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(JDOMParseException e, int lineOffset) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message != null && message.contains("DOCTYPE")) {
            return "DOCTYPE declarations are not allowed";
        }
        return e.getLineNumber() > 0
                ? "malformed XML at line " + (e.getLineNumber() + lineOffset) + ": " + message
                : "malformed XML: " + message;
    }

    private static SAXBuilder newBuilder() {
        SAXBuilder builder = new SAXBuilder(new HardenedReaders());
        builder.setJDOMFactory(new UncheckedJDOMFactory());
        builder.setExpandEntities(false);
        builder.setReuseParser(true);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed: " + systemId);
        });
        return builder;
    }

    private static SAXParserFactory hardenedFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be made safe for feeds", e);
        }
    }

    /** Hands JDOM parsers from the hardened factory. */
    private static final class HardenedReaders implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                XMLReader reader;
                synchronized (FACTORY) {
                    // SAXParserFactory is not thread-safe; this runs once per thread.
                    reader = FACTORY.newSAXParser().getXMLReader();
                }
                limitDepth(reader);
                return reader;
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot create a SAX parser", e);
            }
        }

        private static void limitDepth(XMLReader reader) {
            try {
                reader.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
            } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                // Not the JDK's parser: it keeps its own limits.
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }
}
