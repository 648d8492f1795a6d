package org.tidings.parse.urls;

import java.nio.charset.StandardCharsets;

/**
 * Character-level repairs that turn URL text found in feeds into text {@link java.net.URI} accepts:
 * the same forgiveness browsers apply, so a link that works in a browser works for us.
 */
final class LenientUrlText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LenientUrlText() {
    }

    /**
     * Trims spaces and control characters, and removes tabs and newlines inside, as WHATWG URL
     * parsing does; otherwise "java&#10;script:" would pass as a relative path.
     */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        String trimmed = text.substring(start, end);
        if (trimmed.indexOf('\t') < 0 && trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The lower-cased scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), or null. */
    static String scheme(String text) {
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return null;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return text.substring(0, i).toLowerCase(java.util.Locale.ROOT);
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        return null;
    }

    /** Number of '/' or '\' at {@code from}; browsers treat both alike in http(s) URLs. */
    static int countSlashes(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == '/' || text.charAt(i) == '\\')) {
            i++;
        }
        return i - from;
    }

    static int authorityEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                return i;
            }
        }
        return text.length();
    }

    static boolean isIpv6Literal(String host) {
        if (host.length() < 3 || host.charAt(0) != '[' || host.charAt(host.length() - 1) != ']') {
            return false;
        }
        for (int i = 1; i < host.length() - 1; i++) {
            char c = host.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case ASCII letters, digits, '-', '.' and '_' (which real hosts use despite RFC 952). */
    static boolean isHostName(String host) {
        if (host.isEmpty() || host.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** True when a scheme-less reference like "10:30-notes.html" would be misread as having a scheme. */
    static boolean colonInFirstSegment(String ref) {
        int colon = ref.indexOf(':');
        if (colon < 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = ref.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encodes what java.net.URI rejects in a path, query or fragment: spaces, controls,
     * non-ASCII (as UTF-8), {@code " < > \ ^ ` { | } [ ]}, a '%' not starting an escape and every
     * '#' after the first. With {@code webPath}, a '\' before the query becomes '/', as in browsers.
     */
    static String escape(String text, boolean webPath) {
        if (!needsEscaping(text, webPath)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inPath = webPath;
        boolean inFragment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '#') {
                inPath = false;
            }
            if (c == '\\' && inPath) {
                out.append('/');
            } else if (c == '#') {
                if (inFragment) {
                    appendByte(out, c);
                } else {
                    inFragment = true;
                    out.append(c);
                }
            } else if (c == '%' && isEscape(text, i)) {
                out.append(c);
            } else if (c >= 0x80) {
                int cp = Character.codePointAt(text, i);
                boolean unpaired = Character.isSurrogate(c) && cp == c;
                appendUtf8(out, unpaired ? 0xFFFD : cp);
                i += Character.charCount(cp) - 1;
            } else if (isAllowedAscii(c)) {
                out.append(c);
            } else {
                appendByte(out, c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text, boolean webPath) {
        boolean seenHash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || !isAllowedAscii(c) || c == '%' && !isEscape(text, i) || c == '#' && seenHash
                    || c == '\\' && webPath) {
                return true;
            }
            seenHash |= c == '#';
        }
        return false;
    }

    private static boolean isAllowedAscii(char c) {
        if (c <= ' ' || c >= 0x7F) {
            return false;
        }
        switch (c) {
            case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
            case '[': case ']': case '%':
                return false;
            default:
                return true;
        }
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length()
                && Character.digit(text.charAt(percent + 1), 16) >= 0
                && Character.digit(text.charAt(percent + 2), 16) >= 0;
    }

    private static void appendUtf8(StringBuilder out, int codePoint) {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            appendByte(out, b & 0xFF);
        }
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
