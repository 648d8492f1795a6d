package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which transfer encoding a body gets, and what quoted-printable lines look like. */
class EncodedBodyTest {
    private static String decode(EncodedBody body) throws Exception {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(body.bytes()), body.transferEncoding())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String ascii(EncodedBody body) {
        return new String(body.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void keepsShortAsciiLinesAs7bitWithCrlf() {
        EncodedBody body = EncodedBody.of("one\ntwo\rthree\r\n= four ");

        assertEquals("7bit", body.transferEncoding());
        assertEquals("one\r\ntwo\r\nthree\r\n= four ", ascii(body));
    }

    @Test
    void usesQuotedPrintableForMostlyAsciiOrLongLines() throws Exception {
        assertEquals("quoted-printable", EncodedBody.of("Grüße aus Köln").transferEncoding());
        assertEquals("quoted-printable", EncodedBody.of("x".repeat(999)).transferEncoding());
        assertEquals("7bit", EncodedBody.of("x".repeat(998)).transferEncoding());
    }

    @Test
    void usesBase64ForMostlyNonAscii() throws Exception {
        EncodedBody body = EncodedBody.of("Привет\nмир");

        assertEquals("base64", body.transferEncoding());
        assertEquals("Привет\r\nмир", decode(body));
    }

    @Test
    void encodesEqualsSignsNonAsciiAndBlanksAtLineEnds() {
        EncodedBody body = EncodedBody.of("a=b é \nc\t\r\nd \te ");

        assertEquals("a=3Db =C3=A9=20\r\nc=09\r\nd \te=20", ascii(body));
    }

    @Test
    void breaksLongLinesSoftlyAt76OctetsWithoutSplittingAnEscape() throws Exception {
        String text = "é" + "x".repeat(200) + "=".repeat(100) + " ".repeat(80) + "\n" + "y".repeat(75);
        EncodedBody body = EncodedBody.of(text);

        String[] lines = ascii(body).split("\r\n", -1);
        for (String line : lines) {
            assertTrue(line.length() <= 76, line);
            assertTrue(!line.matches(".*=.?") || line.endsWith("=") && !line.endsWith("==") || line.matches(".*=[0-9A-F]{2}"),
                    line);
        }
        assertEquals("y".repeat(75), lines[lines.length - 1]);
        assertEquals(text.replace("\n", "\r\n"), decode(body));
    }
}
