package org.tidings.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Turns a feed's bytes into text following the XML media type rules (RFC 7303 section 8.5, XML 1.0
 * Appendix F): byte-order mark, then the HTTP charset, then the XML declaration, else UTF-8.
 * Never throws: bytes that do not fit the charset become U+FFFD.
 */
final class XmlCharsetDecoder {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private XmlCharsetDecoder() {
    }

    static String decode(byte[] body, String contentType) {
        Choice choice = choose(body, contentType);
        if (choice.utf8OrWindows1252()) {
            return utf8OrWindows1252(body);
        }
        return new String(body, choice.start(), body.length - choice.start(), choice.charset());
    }

    /**
     * Which charset the text is in and where it starts (after a byte-order mark).
     *
     * @param utf8OrWindows1252 nothing names the charset: UTF-8 if the whole body is valid UTF-8,
     *     else windows-1252; {@code charset} is then UTF-8
     */
    record Choice(Charset charset, int start, boolean utf8OrWindows1252) {
    }

    static Choice choose(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        if (bom != null) {
            return new Choice(bom.charset(), bom.length(), false);
        }
        Charset http = charsetNamed(ContentTypeCharset.of(contentType));
        if (http != null) {
            return new Choice(http, 0, false);
        }
        Charset utf16 = utf16WithoutBom(body);
        if (utf16 != null) {
            return new Choice(utf16, 0, false);
        }
        Charset declared = charsetNamed(XmlDeclaration.encoding(body));
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && asciiCompatible(declared)) {
            return new Choice(declared, 0, false);
        }
        return new Choice(StandardCharsets.UTF_8, 0, true);
    }

    /**
     * A document that claims (or defaults to) UTF-8 but is not valid UTF-8 is nearly always
     * windows-1252 saved by a tool that never looked at the declaration.
     */
    private static String utf8OrWindows1252(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return text;
        } catch (CharacterCodingException e) {
            return new String(body, WINDOWS_1252);
        }
    }

    /** XML 1.0 Appendix F: "<?" in UTF-16 without a byte-order mark. */
    private static Charset utf16WithoutBom(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        if (b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** A declaration read as ASCII can only be true of a charset that encodes ASCII as ASCII. */
    private static boolean asciiCompatible(Charset charset) {
        String name = charset.name();
        return !name.startsWith("UTF-16") && !name.startsWith("UTF-32");
    }

    /**
     * Browsers (WHATWG Encoding) read ISO-8859-1 and US-ASCII labels as windows-1252; feeds that
     * declare them routinely contain curly quotes from the 0x80-0x9F range.
     */
    static Charset charsetNamed(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("iso8859-1")
                || name.equals("us-ascii") || name.equals("ascii") || name.equals("iso_8859-1")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(UTF_32BE, 4);
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(UTF_32LE, 4);
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
