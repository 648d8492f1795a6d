package org.tidings.render;

/**
 * Feed text as one line: any run of whitespace or control characters becomes one space, ends
 * trimmed. A newline in a title would break the text layout and the underlines. No-break spaces
 * stay: French puts them before "?" and inside « ».
 */
final class OneLine {
    private OneLine() {
    }

    static String of(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String s) {
        int last = s.length() - 1;
        if (last < 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(last) == ' ') {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == ' ' && s.charAt(i + 1) == ' '
                    || c >= 0x1680 && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
