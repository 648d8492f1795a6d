package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DKIM's "relaxed" canonicalization (RFC 6376 section 3.4.2 and 3.4.4) over a message's wire bytes:
 * the forms that survive what relays commonly do to whitespace and folding. Works on bytes, not
 * strings, as a digest body is tens of kilobytes and is hashed for every recipient.
 */
final class DkimCanonical {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CRLF = {CR, LF};

    private DkimCanonical() {
    }

    /** One header field as it stands in the message, folding and all, without its final CRLF. */
    record Field(String lowerName, String raw) {
    }

    /** Where the body starts: after the first empty line, or the message's end when it has none. */
    static int bodyStart(byte[] message) {
        if (message.length >= 2 && message[0] == CR && message[1] == LF) {
            return 2;
        }
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == CR && message[i + 1] == LF && message[i + 2] == CR && message[i + 3] == LF) {
                return i + 4;
            }
        }
        return message.length;
    }

    /** The header fields before {@code bodyStart}, top to bottom; a line starting with WSP continues the field above. */
    static List<Field> fields(byte[] message, int bodyStart) {
        String head = new String(message, 0, Math.max(0, bodyStart - 2), StandardCharsets.ISO_8859_1);
        List<Field> fields = new ArrayList<>();
        int start = 0;
        while (start < head.length()) {
            int end = start;
            do {
                int crlf = head.indexOf("\r\n", end);
                end = crlf < 0 ? head.length() : crlf + 2;
            } while (end < head.length() && (head.charAt(end) == ' ' || head.charAt(end) == '\t'));
            String raw = head.substring(start, head.startsWith("\r\n", end - 2) ? end - 2 : end);
            int colon = raw.indexOf(':');
            if (colon > 0) {
                fields.add(new Field(raw.substring(0, colon).strip().toLowerCase(Locale.ROOT), raw));
            }
            start = end;
        }
        return fields;
    }

    /** {@code name:value} with the name in lower case, unfolded, each WSP run one space, none at either end of the value. */
    static String header(String lowerName, String raw) {
        String value = raw.substring(raw.indexOf(':') + 1);
        StringBuilder out = new StringBuilder(lowerName.length() + value.length() + 1).append(lowerName).append(':');
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
            } else {
                if (space && out.length() > lowerName.length() + 1) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Feeds the relaxed body to the digest: each WSP run within a line one space, none at a line's
     * end, no empty lines at the end, and a non-empty body ending in CRLF; an empty body stays empty.
     * Lines that need none of this, most lines of any encoding, go in as they are.
     */
    static void body(byte[] m, int bodyStart, MessageDigest digest) {
        byte[] scratch = new byte[256];
        int emptyLines = 0;
        int i = bodyStart;
        while (i < m.length) {
            int end = lineEnd(m, i);
            int length = end - i;
            byte[] line = m;
            int from = i;
            if (needsRelaxing(m, i, end)) {
                scratch = scratch.length >= length ? scratch : new byte[length];
                length = relaxedLine(m, i, end, scratch);
                line = scratch;
                from = 0;
            }
            if (length == 0) {
                // Empty lines count only when a line with content follows them.
                emptyLines++;
            } else {
                for (; emptyLines > 0; emptyLines--) {
                    digest.update(CRLF);
                }
                digest.update(line, from, length);
                digest.update(CRLF);
            }
            i = end + 2;
        }
    }

    /** Where the line starting at {@code from} ends: its CRLF, or the end of the message. */
    private static int lineEnd(byte[] m, int from) {
        int end = from;
        while (end < m.length && !(m[end] == CR && end + 1 < m.length && m[end + 1] == LF)) {
            end++;
        }
        return end;
    }

    /** Single spaces between words are relaxed already; a tab, a run of spaces or a space at the end is not. */
    private static boolean needsRelaxing(byte[] m, int from, int to) {
        for (int i = from; i < to; i++) {
            if (m[i] == '\t' || m[i] == ' ' && (i + 1 == to || m[i + 1] == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** One line with each WSP run as one space and none at its end; returns the length written. */
    private static int relaxedLine(byte[] m, int from, int to, byte[] out) {
        int o = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            byte b = m[i];
            if (b == ' ' || b == '\t') {
                space = true;
            } else {
                if (space) {
                    out[o++] = ' ';
                    space = false;
                }
                out[o++] = b;
            }
        }
        return o;
    }
}
