package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCompressionTest {
    @Test
    void roundTripsNonAsciiAndSurrogatePairs() {
        String html = "<p>Grève générale à la Sorbonne — “solidarité” 🚩✊🏽 𝄞 日本語</p>";

        assertEquals(html, ContentCompression.inflate(ContentCompression.deflate(html)));
    }

    @Test
    void roundTripsEmptyContent() {
        byte[] stored = ContentCompression.deflate("");

        assertTrue(stored.length > 0);
        assertEquals("", ContentCompression.inflate(stored));
    }

    @Test
    void roundTripsContentOver64KiloBytesThatDoesNotCompress() {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 200_000) {
            sb.appendCodePoint(0x20 + rnd.nextInt(0x2FFF));
        }
        String html = sb.toString();

        assertEquals(html, ContentCompression.inflate(ContentCompression.deflate(html)));
    }

    @Test
    void storesHtmlInAFractionOfItsBytes() {
        String html = "<p>La grève continue à la Sorbonne.</p>\n".repeat(100);

        byte[] stored = ContentCompression.deflate(html);

        assertTrue(stored.length * 10 < html.getBytes(StandardCharsets.UTF_8).length, stored.length + " bytes");
    }

    @Test
    void readsNoBytesAsEmptyContent() {
        assertEquals("", ContentCompression.inflate(new byte[0]));
        assertEquals("", ContentCompression.inflate(null));
    }

    @Test
    void refusesBytesThatAreNotAZlibStream() {
        byte[] stored = ContentCompression.deflate("<p>Grève</p>".repeat(50));

        assertThrows(StoreException.class, () -> ContentCompression.inflate("<p>plain</p>".getBytes(
                StandardCharsets.UTF_8)));
        assertThrows(StoreException.class, () -> ContentCompression.inflate(Arrays.copyOf(stored, stored.length / 2)));
    }
}
