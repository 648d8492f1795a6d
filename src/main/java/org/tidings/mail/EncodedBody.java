package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A text body as UTF-8 bytes in their Content-Transfer-Encoding, with CRLF line ends, ready to be
 * written as they are. The encoding is the one Jakarta Mail would pick: 7bit for ASCII text with no
 * line past RFC 5322's 998 octets, quoted-printable when most bytes are ASCII, base64 otherwise.
 * Encoding here, once, straight from the chars, is what keeps a large digest cheap: Jakarta would
 * scan the text again to choose and then encode it a byte at a time through a synchronized stream.
 */
record EncodedBody(String transferEncoding, byte[] bytes) {
    private static final int MAX_LINE = 998;
    /**
     * ASCII that may appear in 7bit text besides CR and LF. As Jakarta counts, controls other than
     * tab are no more 7bit-safe than bytes past 0x7f.
     */
    private static final boolean[] SEVEN_BIT = new boolean[128];

    static {
        for (int c = 0x20; c < 0x7f; c++) {
            SEVEN_BIT[c] = true;
        }
        SEVEN_BIT['\t'] = true;
    }

    static EncodedBody of(String text) {
        int n = text.length();
        // The scan stops at the first char that rules out 7bit; ASCII bodies also learn their lone line ends.
        int loneLineEnds = 0;
        int lineLength = 0;
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineLength = 0;
                loneLineEnds += i == 0 || text.charAt(i - 1) != '\r' ? 1 : 0;
            } else if (c == '\r') {
                lineLength = 0;
                loneLineEnds += i + 1 == n || text.charAt(i + 1) != '\n' ? 1 : 0;
            } else if (c < 128 ? !SEVEN_BIT[c] : !unpairedSurrogate(text, i)) {
                break;
            } else if (++lineLength > MAX_LINE) {
                break;
            }
        }
        if (i == n) {
            return new EncodedBody("7bit", asciiWithCrlf(text, loneLineEnds));
        }
        Utf8Count count = Utf8Count.from(text, i);
        if (count.length() - count.unsafe() > count.unsafe()) {
            return new EncodedBody("quoted-printable", QuotedPrintable.encode(text, count.length()));
        }
        return new EncodedBody("base64", Base64.getMimeEncoder().encode(crlf(text.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Whether String.getBytes would write the char at {@code i} as '?'. Only asked while every char
     * before it is ASCII, so a low surrogate there has no high one to pair with.
     */
    private static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isLowSurrogate(c)
                || Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
    }

    /** The UTF-8 length of a text and how many of its octets are not 7bit-safe. */
    private record Utf8Count(int length, int unsafe) {
        /** Counts the text whose chars before {@code from} are all 7bit-safe, each one octet. */
        static Utf8Count from(String text, int from) {
            int length = from;
            int unsafe = 0;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    length++;
                    unsafe += SEVEN_BIT[c] || c == '\r' || c == '\n' ? 0 : 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    length += 4;
                    unsafe += 4;
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // String.getBytes writes an unpaired surrogate as '?'.
                    length++;
                } else {
                    int octets = c < 0x800 ? 2 : 3;
                    length += octets;
                    unsafe += octets;
                }
            }
            return new Utf8Count(length, unsafe);
        }
    }

    /** An ASCII text's bytes (an unpaired surrogate as '?') with every CR, LF or CRLF as CRLF, given how many CRs and LFs stand alone. */
    private static byte[] asciiWithCrlf(String text, int loneLineEnds) {
        if (loneLineEnds == 0) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] out = new byte[text.length() + loneLineEnds];
        int o = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out[o++] = c < 128 ? (byte) c : (byte) '?';
            }
        }
        return out;
    }

    /** Every CR, LF or CRLF as CRLF, the only line end MIME text has; the input itself when it has no other. */
    private static byte[] crlf(byte[] in) {
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
