package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A text body as UTF-8 bytes in their Content-Transfer-Encoding, with CRLF line ends, ready to be
 * written as they are. The encoding is the one Jakarta Mail would pick: 7bit for ASCII text with no
 * line past RFC 5322's 998 octets, quoted-printable when most bytes are ASCII, base64 otherwise.
 * Encoding here, once, over a byte array, is what keeps a large digest cheap: Jakarta would scan the
 * text again to choose and then encode it a byte at a time through a synchronized stream.
 */
record EncodedBody(String transferEncoding, byte[] bytes) {
    private static final int MAX_LINE = 998;

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
            // As Jakarta counts: controls other than CR, LF and tab are no more 7bit-safe than bytes past 0x7f.
            if (b < 0 || b == 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
                nonAscii++;
            }
        }
        if (nonAscii == 0 && !longLine) {
            return new EncodedBody("7bit", crlf(utf8));
        }
        if (utf8.length - nonAscii > nonAscii) {
            return new EncodedBody("quoted-printable", QuotedPrintable.encode(utf8));
        }
        return new EncodedBody("base64", Base64.getMimeEncoder().encode(crlf(utf8)));
    }

    /** Every CR, LF or CRLF as CRLF, the only line end MIME text has; the input itself when it has no other. */
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
}
