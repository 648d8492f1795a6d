package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdom2.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser on its own, without the sniffer in front that already turns most of these away. */
class SafeXmlReaderTest {
    @Test
    void refusesExternalEntityItself(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
        String xml = "<!DOCTYPE x [<!ENTITY a SYSTEM \"" + secret.toUri() + "\">]><x>&a;</x>";

        InvalidFeedException e = assertThrows(InvalidFeedException.class, () -> SafeXmlReader.read(xml, 0));

        assertEquals("DOCTYPE declarations are not allowed", e.getMessage());
        assertFalse(e.getMessage().contains("top-secret"));
    }

    @Test
    void refusesBillionLaughsItself() {
        String xml = new String(Fixtures.bytes("hostile-billion-laughs.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*>", "");

        InvalidFeedException e = assertThrows(InvalidFeedException.class, () -> SafeXmlReader.read(xml, 0));

        assertEquals("DOCTYPE declarations are not allowed", e.getMessage());
    }

    @Test
    void refusesEvenPlainDoctypeSoTheSnifferMustDropIt() {
        String xml = "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss/>";

        assertThrows(InvalidFeedException.class, () -> SafeXmlReader.read(xml, 0));
    }

    @Test
    void readsNamespacesAndKeepsCdataText() {
        Document document = SafeXmlReader.read("<a xmlns:c=\"urn:c\"><c:b><![CDATA[<p>x</p>]]></c:b></a>", 0);

        assertEquals("<p>x</p>", document.getRootElement().getChildText("b", org.jdom2.Namespace.getNamespace("urn:c")));
    }

    @Test
    void addsDroppedLinesToErrorLine() {
        InvalidFeedException e = assertThrows(InvalidFeedException.class, () -> SafeXmlReader.read("<a>\n<b></a>", 3));

        assertEquals(true, e.getMessage().startsWith("malformed XML at line 5:"), e.getMessage());
    }
}
