package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlCharsetDecoderTest {
    private static final String XML = "<?xml version=\"1.0\"?><a>\u00e9\u20ac</a>";

    @Test
    void decodesUtf32WithBom() {
        byte[] body = ("\uFEFF" + XML).getBytes(Charset.forName("UTF-32BE"));

        assertEquals(XML, XmlCharsetDecoder.decode(body, null));
    }

    @Test
    void decodesUtf16WithoutBomFromDeclarationBytes() {
        byte[] body = XML.getBytes(StandardCharsets.UTF_16LE);

        assertEquals(XML, XmlCharsetDecoder.decode(body, null));
    }

    @Test
    void ignoresUtf16DeclarationOnSingleByteText() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\u00e9</a>";

        assertEquals(xml, XmlCharsetDecoder.decode(xml.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void readsLatin1LabelAsWindows1252() {
        byte[] body = {'<', 'a', '>', (byte) 0x93, 'q', (byte) 0x94, '<', '/', 'a', '>'};

        assertEquals("<a>\u201cq\u201d</a>", XmlCharsetDecoder.decode(body, "text/xml; charset=ISO-8859-1"));
    }

    @Test
    void keepsUtf8WhenValidEvenWithReplacementCharacterInText() {
        String xml = "<a>\uFFFD \u00e9</a>";

        assertEquals(xml, XmlCharsetDecoder.decode(xml.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void readsSingleQuotedDeclaration() {
        String xml = "<?xml version='1.0' encoding='iso-8859-15'?><a>\u20ac</a>";

        assertEquals(xml, XmlCharsetDecoder.decode(xml.getBytes(Charset.forName("ISO-8859-15")), null));
    }

    @Test
    void readsContentTypeCharsetParameter() {
        assertEquals("utf-8", ContentTypeCharset.of("text/xml;CHARSET=utf-8"));
        assertEquals("windows-1251", ContentTypeCharset.of("application/rss+xml; foo=bar; charset=\"windows-1251\""));
        assertEquals(null, ContentTypeCharset.of("application/rss+xml"));
        assertEquals(null, ContentTypeCharset.of(null));
    }
}
