package org.tidings.parse.text;

import org.jsoup.nodes.Entities;

/**
 * Decodes HTML character references ({@code &eacute; &#233; &#xE9;}) the way HTML5 does, including
 * its repairs: no terminating ';' needed for the common legacy names, and C1 code points read as
 * Windows-1252 (feeds still carry {@code &#147;} for a left curly quote).
 */
final class CharacterReferences {
    private static final int MAX_NAME_LENGTH = 32;

    private CharacterReferences() {
    }

    /**
     * Decodes the reference starting at the {@code &} at {@code amp} into {@code out}.
     *
     * @return the index after the reference, or {@code amp} when there is none (a lone {@code &},
     *     {@code AT&T}, an unknown name), so the caller keeps the {@code &} as text
     */
    static int decode(String s, int amp, CollapsedText out) {
        int i = amp + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            return decodeNumeric(s, amp, out);
        }
        int end = i;
        while (end < s.length() && end - i < MAX_NAME_LENGTH && isAsciiLetterOrDigit(s.charAt(end))) {
            end++;
        }
        if (end == i) {
            return amp;
        }
        boolean terminated = end < s.length() && s.charAt(end) == ';';
        String name = s.substring(i, end);
        String value = terminated ? Entities.getByName(name) : legacyWithoutSemicolon(name);
        if (value.isEmpty()) {
            return amp;
        }
        out.append(value);
        return terminated ? end + 1 : end;
    }

    private static String legacyWithoutSemicolon(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "nbsp": return "\u00A0";
            case "copy": return "\u00A9";
            case "reg": return "\u00AE";
            default: return "";
        }
    }

    private static int decodeNumeric(String s, int amp, CollapsedText out) {
        int i = amp + 2;
        boolean hex = i < s.length() && (s.charAt(i) | 0x20) == 'x';
        int start = hex ? i + 1 : i;
        int end = start;
        long codePoint = 0;
        while (end < s.length() && Character.digit(s.charAt(end), hex ? 16 : 10) >= 0) {
            codePoint = Math.min(codePoint * (hex ? 16 : 10) + Character.digit(s.charAt(end), 16), 0x110000);
            end++;
        }
        if (end == start) {
            return amp;
        }
        appendCodePoint(out, (int) codePoint);
        return end < s.length() && s.charAt(end) == ';' ? end + 1 : end;
    }

    private static void appendCodePoint(CollapsedText out, int reference) {
        int codePoint = Windows1252Controls.remap(reference);
        if (codePoint == 0 || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            out.append('\uFFFD');
        } else if (codePoint < 0x10000) {
            out.append((char) codePoint);
        } else {
            out.append(Character.highSurrogate(codePoint));
            out.append(Character.lowSurrogate(codePoint));
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
