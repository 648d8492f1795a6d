package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The straightforward byte-at-a-time body encoder that {@link EncodedBody} and {@link QuotedPrintable}
 * replaced, kept verbatim as the reference their output must match octet for octet.
 */
final class ReferenceEncodedBody {
    private static final int MAX_LINE = 998;
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

    private ReferenceEncodedBody() {
    }

    static EncodedBody of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (byte b : utf8) {
            if (b == '\r' || b == '\n') {
                lineLength = 0;
            } else if (++lineLength > MAX_LINE) {
                longLine = true;
            }
            if (b < 0 || b == 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
                nonAscii++;
            }
        }
        if (nonAscii == 0 && !longLine) {
            return new EncodedBody("7bit", crlf(utf8));
        }
        if (utf8.length - nonAscii > nonAscii) {
            return new EncodedBody("quoted-printable", quotedPrintable(utf8));
        }
        return new EncodedBody("base64", Base64.getMimeEncoder().encode(crlf(utf8)));
    }

    static byte[] crlf(byte[] in) {
        int extra = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                i++;
            } else if (in[i] == '\r' || in[i] == '\n') {
                extra++;
            }
        }
        if (extra == 0) {
            return in;
        }
        byte[] out = new byte[in.length + extra];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[o++] = b;
            }
        }
        return out;
    }

    static byte[] quotedPrintable(byte[] in) {
        byte[] out = new byte[in.length + (in.length >> 2) + 16];
        int o = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
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

    private static boolean endsLine(byte[] in, int i) {
        return i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
    }
}
