package org.tidings.parse;

import org.jsoup.nodes.Entities;
import org.tidings.parse.text.Windows1252Controls;

/**
 * Fixes the mistakes that make real feeds ill-formed XML, in one pass that copies only when it
 * finds something to fix: HTML named entities XML does not define (&amp;nbsp; &amp;eacute;...)
 * become numeric references, a bare '&amp;' is escaped, and characters XML 1.0 forbids are dropped.
 * CDATA sections and comments are left as they are apart from forbidden characters.
 */
final class XmlRepair {
    /** The longest HTML5 entity name is 31 characters (&amp;CounterClockwiseContourIntegral;). */
    private static final int MAX_ENTITY_NAME = 32;

    private final String in;
    private StringBuilder out;
    private int copiedTo;

    private XmlRepair(String in, int from) {
        this.in = in;
        this.copiedTo = from;
    }

    /** @return the text from {@code from} on, repaired; line breaks are never added or removed */
    static String repair(String text, int from) {
        return new XmlRepair(text, from).run(from);
    }

    private String run(int from) {
        int n = in.length();
        for (int i = from; i < n; i++) {
            char c = in.charAt(i);
            if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<') {
                continue;
            }
            if (c == '&') {
                i = entity(i);
            } else if (c == '<') {
                i = markup(i);
            } else {
                i = checkChar(i);
            }
        }
        if (out == null) {
            return in.substring(from);
        }
        out.append(in, copiedTo, n);
        return out.toString();
    }

    /** Inside CDATA and comments only forbidden characters are dropped; '&amp;' means itself. */
    private int markup(int i) {
        String end;
        if (in.startsWith("<![CDATA[", i)) {
            end = "]]>";
        } else if (in.startsWith("<!--", i)) {
            end = "-->";
        } else {
            return i;
        }
        int close = in.indexOf(end, i + 4);
        int stop = close < 0 ? in.length() : close;
        for (int j = i + 4; j < stop; j++) {
            char c = in.charAt(j);
            if (c < 0x20 || c >= 0xD800) {
                j = checkChar(j);
            }
        }
        return close < 0 ? in.length() : close + end.length() - 1;
    }

    /** @return the index of the last character examined */
    private int checkChar(int i) {
        char c = in.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1))) {
            return i + 1;
        }
        if (isXmlChar(c)) {
            return i;
        }
        replace(i, i + 1, "");
        return i;
    }

    /** XML 1.0 section 2.2 Char, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }

    private int entity(int amp) {
        int i = amp + 1;
        if (i < in.length() && in.charAt(i) == '#') {
            return numericReference(amp);
        }
        while (i < in.length() && i - amp <= MAX_ENTITY_NAME && isAsciiLetterOrDigit(in.charAt(i))) {
            i++;
        }
        if (i == amp + 1 || i >= in.length() || in.charAt(i) != ';') {
            replace(amp, amp + 1, "&amp;");
            return amp;
        }
        String name = in.substring(amp + 1, i);
        if (isXmlEntity(name)) {
            return i;
        }
        int[] codepoints = new int[2];
        int count = Entities.isNamedEntity(name) ? Entities.codepointsForName(name, codepoints) : 0;
        if (count == 0) {
            replace(amp, amp + 1, "&amp;");
            return amp;
        }
        StringBuilder refs = new StringBuilder(16);
        for (int k = 0; k < count; k++) {
            refs.append("&#").append(codepoints[k]).append(';');
        }
        replace(amp, i + 1, refs.toString());
        return i;
    }

    private int numericReference(int amp) {
        int i = amp + 2;
        boolean hex = i < in.length() && (in.charAt(i) == 'x' || in.charAt(i) == 'X');
        int digitsStart = hex ? i + 1 : i;
        i = digitsStart;
        long value = 0;
        while (i < in.length() && i - digitsStart < 8 && Character.digit(in.charAt(i), hex ? 16 : 10) >= 0) {
            value = value * (hex ? 16 : 10) + Character.digit(in.charAt(i), hex ? 16 : 10);
            i++;
        }
        if (i == digitsStart || i >= in.length() || in.charAt(i) != ';') {
            replace(amp, amp + 1, "&amp;");
            return amp;
        }
        int windows = Windows1252Controls.remap((int) value);
        if (windows != value) {
            replace(amp, i + 1, "&#" + windows + ";");
        } else if (value > 0x10FFFF || !isXmlChar((int) value) || (value >= 0xD800 && value <= 0xDFFF)) {
            replace(amp, i + 1, "");
        }
        return i;
    }

    private static boolean isXmlEntity(String name) {
        return switch (name) {
            case "lt", "gt", "amp", "quot", "apos" -> true;
            default -> false;
        };
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private void replace(int start, int end, String replacement) {
        if (out == null) {
            out = new StringBuilder(in.length() - copiedTo + 64);
        }
        out.append(in, copiedTo, start).append(replacement);
        copiedTo = end;
    }
}
