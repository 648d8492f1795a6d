package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 2045 section 6.7 quoted-printable for text: every CR, LF or CRLF becomes a CRLF line break, a
 * space or tab that would end a line is encoded, and soft line breaks keep lines at 76 octets.
 */
final class QuotedPrintable {
    // 75 octets of content leave room for the '=' of a soft line break.
    private static final int MAX_CONTENT = 75;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] LITERAL = new boolean[256];

    static {
        for (int c = 33; c <= 126; c++) {
            LITERAL[c] = c != '=';
        }
        LITERAL[' '] = true;
        LITERAL['\t'] = true;
    }

    private QuotedPrintable() {
    }

    static byte[] encode(byte[] in) {
        // Soft line breaks add 4% and a few encoded octets some more; growing a large body costs a copy.
        byte[] out = new byte[in.length + (in.length >> 2) + 16];
        int o = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            // Room for a soft line break and an encoded octet, or for a CRLF.
            if (o + 6 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
                continue;
            }
            boolean literal = LITERAL[c] && !((c == ' ' || c == '\t') && endsLine(in, i));
            int width = literal ? 1 : 3;
            if (column + width > MAX_CONTENT) {
                out[o++] = '=';
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
            }
            if (literal) {
                out[o++] = (byte) c;
            } else {
                out[o++] = '=';
                out[o++] = HEX[c >> 4];
                out[o++] = HEX[c & 0xf];
            }
            column += width;
        }
        return Arrays.copyOf(out, o);
    }

    /** Trailing whitespace would be stripped by transports, so it must not stay literal. */
    private static boolean endsLine(byte[] in, int i) {
        return i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
    }
}
