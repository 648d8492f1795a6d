package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast encoder writes exactly the octets of the byte-at-a-time reference it replaced. */
class EncodedBodyReferenceTest {
    // Line ends, blanks, '=', controls, 2-, 3- and 4-byte UTF-8, and a lone surrogate (encoded as '?').
    private static final String[] PIECES = {
        "a", "Z", "<p>", " ", "\t", "\r", "\n", "\r\n", "=", "\u0001", "\u007f", "é", "’", "€", "😀", "\ud800", "\udc00",
    };

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(400);
        int asciiBias = random.nextInt(4);
        for (int p = 0; p < pieces; p++) {
            String piece = random.nextInt(4) < asciiBias ? "a" : PIECES[random.nextInt(PIECES.length)];
            int repeat = random.nextInt(10) == 0 ? random.nextInt(1100) : 1 + random.nextInt(3);
            text.append(piece.repeat(repeat));
        }
        return text.toString();
    }

    @Test
    void encodesRandomTextsAsTheReferenceDoes() {
        Random random = new Random(20240611);
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random);

            EncodedBody expected = ReferenceEncodedBody.of(text);
            EncodedBody actual = EncodedBody.of(text);

            assertEquals(expected.transferEncoding(), actual.transferEncoding(), text);
            assertArrayEquals(expected.bytes(), actual.bytes(), text);
        }
    }

    @Test
    void encodesRandomCharsAsQuotedPrintableAsTheReferenceDoes() {
        Random random = new Random(42);
        char[] common = {'a', ' ', '\t', '\r', '\n', '=', 'é', '’', '\ud83d', '\ude00', 0x7f, 0x01};
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(600)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextBoolean() ? common[random.nextInt(common.length)] : (char) random.nextInt(0x10000);
            }
            byte[] utf8 = new String(chars).getBytes(StandardCharsets.UTF_8);

            assertArrayEquals(ReferenceEncodedBody.quotedPrintable(utf8), QuotedPrintable.encode(new String(chars), utf8.length));
        }
    }

    @Test
    void encodesEdgeCasesAsTheReferenceDoes() {
        String[] texts = {"", " ", "\t", "\r", "\n", "\r\n", "\n\r", "x".repeat(998), "x".repeat(999), "x".repeat(74) + " \n",
            "x".repeat(75) + " \n", "x".repeat(73) + "é", "x".repeat(75) + "=", "é".repeat(3), "a é",
            "x".repeat(75) + " ", " ".repeat(200) + "\r\n", "x".repeat(2000) + "\n" + "y".repeat(10)};
        for (String text : texts) {
            EncodedBody expected = ReferenceEncodedBody.of(text);
            EncodedBody actual = EncodedBody.of(text);

            assertEquals(expected.transferEncoding(), actual.transferEncoding(), text);
            assertArrayEquals(expected.bytes(), actual.bytes(), text);
        }
    }
}
