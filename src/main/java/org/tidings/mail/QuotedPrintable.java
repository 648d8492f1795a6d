package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 2045 section 6.7 quoted-printable of a text's UTF-8: every CR, LF or CRLF becomes a CRLF line
 * break, a space or tab that would end a line is encoded, and soft line breaks keep lines at 76
 * octets. The UTF-8 is made on the fly from the chars, as {@link String#getBytes} would make it
 * (an unpaired surrogate becomes '?'), which saves a copy of a large body. Digest bodies are mostly
 * ASCII, so runs of chars that stand for themselves are copied in a tight loop and only the char
 * that ends a run takes the general path.
 */
final class QuotedPrintable {
    // 75 octets of content leave room for the '=' of a soft line break.
    private static final int MAX_CONTENT = 75;
    // One step writes at most a full line, a soft line break, and a 4-octet char encoded with one more.
    private static final int MAX_PER_STEP = MAX_CONTENT + 3 + 4 * 3 + 3;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Printable ASCII but '=', plus space and tab, which stay literal unless they end a line. */
    private static final boolean[] LITERAL = new boolean[128];
    private static final int[] UTF8_LEAD = {0, 0, 0xc0, 0xe0, 0xf0};

    static {
        for (int c = 33; c <= 126; c++) {
            LITERAL[c] = c != '=';
        }
        LITERAL[' '] = true;
        LITERAL['\t'] = true;
    }

    private QuotedPrintable() {
    }

    /** The encoded UTF-8 of {@code text}, whose UTF-8 is {@code utf8Length} octets long. */
    static byte[] encode(String text, int utf8Length) {
        int n = text.length();
        // Soft line breaks add 4% and a few encoded octets some more; growing a large body costs a copy.
        byte[] out = new byte[utf8Length + (utf8Length >> 2) + MAX_PER_STEP];
        int o = 0;
        int column = 0;
        int i = 0;
        while (i < n) {
            if (o + MAX_PER_STEP > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            int limit = Math.min(n, i + MAX_CONTENT - column);
            int start = i;
            for (char c; i < limit && (c = text.charAt(i)) < 128 && LITERAL[c]; i++) {
                out[o++] = (byte) c;
            }
            // Trailing whitespace would be stripped by transports, so a blank before a line end is encoded.
            if (i > start && isBlank(text.charAt(i - 1)) && endsLine(text, i - 1)) {
                i--;
                o--;
            }
            column += i - start;
            if (i == n) {
                break;
            }
            char c = text.charAt(i++);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') {
                    i++;
                }
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(text.charAt(i))) {
                codePoint = Character.toCodePoint(c, text.charAt(i++));
            } else if (Character.isSurrogate(c)) {
                codePoint = '?';
            }
            if (codePoint < 128 && LITERAL[codePoint] && !(isBlank(codePoint) && endsLine(text, i - 1))) {
                if (column == MAX_CONTENT) {
                    o = softBreak(out, o);
                    column = 0;
                }
                out[o++] = (byte) codePoint;
                column++;
                continue;
            }
            int octets = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            for (int k = octets - 1; k >= 0; k--) {
                int octet = octets == 1 ? codePoint
                        : k == octets - 1 ? UTF8_LEAD[octets] | codePoint >> 6 * k
                        : 0x80 | codePoint >> 6 * k & 0x3f;
                if (column > MAX_CONTENT - 3) {
                    o = softBreak(out, o);
                    column = 0;
                }
                out[o++] = '=';
                out[o++] = HEX[octet >> 4];
                out[o++] = HEX[octet & 0xf];
                column += 3;
            }
        }
        return Arrays.copyOf(out, o);
    }

    private static int softBreak(byte[] out, int o) {
        out[o] = '=';
        out[o + 1] = '\r';
        out[o + 2] = '\n';
        return o + 3;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    private static boolean endsLine(String text, int i) {
        return i + 1 == text.length() || text.charAt(i + 1) == '\r' || text.charAt(i + 1) == '\n';
    }
}
