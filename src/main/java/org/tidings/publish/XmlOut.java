package org.tidings.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A StAX writer for the Atom and RSS writers that passes every string through
 * {@link LegalChars#xml}, so the output is well-formed whatever the stored text holds. StAX itself
 * escapes markup characters ({@code <}, {@code &}, {@code >}), which is what keeps a title such as
 * {@code </title><script>} or {@code ]]>} inert.
 */
final class XmlOut implements AutoCloseable {
    // The JDK's own implementation, not whatever a dependency registers as a service: its escaping
    // is what the tests check.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter writer;
    private final OutputStream out;

    XmlOut(OutputStream out) {
        this.out = out;
        this.writer = call(() -> FACTORY.createXMLStreamWriter(out, "UTF-8"));
        run(() -> writer.writeStartDocument("UTF-8", "1.0"));
    }

    XmlOut start(String name) {
        run(() -> writer.writeStartElement(name));
        return this;
    }

    XmlOut start(String prefix, String name, String namespace) {
        run(() -> writer.writeStartElement(prefix, name, namespace));
        return this;
    }

    XmlOut namespace(String prefix, String namespace) {
        run(() -> writer.writeNamespace(prefix, namespace));
        return this;
    }

    XmlOut defaultNamespace(String namespace) {
        run(() -> writer.writeDefaultNamespace(namespace));
        return this;
    }

    XmlOut attribute(String name, String value) {
        run(() -> writer.writeAttribute(name, LegalChars.xml(value)));
        return this;
    }

    XmlOut attribute(String name, URI value) {
        return attribute(name, value.toString());
    }

    XmlOut text(String text) {
        run(() -> writer.writeCharacters(LegalChars.xml(text)));
        return this;
    }

    XmlOut end() {
        run(writer::writeEndElement);
        return this;
    }

    /** {@code <name>text</name>}. */
    XmlOut element(String name, String text) {
        return start(name).text(text).end();
    }

    /** {@code <name>text</name>}, or nothing when there is no text to show. */
    XmlOut optionalElement(String name, String text) {
        return text == null || text.isBlank() ? this : element(name, text);
    }

    /** Ends the document and flushes, leaving the stream open for its owner. */
    @Override
    public void close() {
        run(() -> {
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface XmlAction {
        void run() throws XMLStreamException;
    }

    private interface XmlCall<T> {
        T call() throws XMLStreamException;
    }

    private static void run(XmlAction action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(XmlCall<T> call) {
        try {
            return call.call();
        } catch (XMLStreamException e) {
            // The JDK writer reports a failing stream as XMLStreamException wrapping the IOException.
            if (e.getNestedException() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("Could not write XML: " + e.getMessage(), e);
        }
    }
}
