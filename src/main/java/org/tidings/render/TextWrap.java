package org.tidings.render;

/**
 * Wraps plain-text mail for reading in a fixed-width client. Lines break only at spaces, so a URL
 * or any other long word is never cut (it stands alone on a line instead, still clickable);
 * continuation lines keep the line's indent. Widths count code points, so accented letters and
 * emoji take one column each (East Asian wide characters would need two: not handled).
 */
final class TextWrap {
    /** RFC 3676 advises 72 characters for flowed text; most clients show 78 without wrapping. */
    static final int MAIL_WIDTH = 72;

    private TextWrap() {
    }

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            appendWrapped(text, start, end, width, out);
            if (end < text.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static void appendWrapped(String text, int start, int end, int width, StringBuilder out) {
        if (text.codePointCount(start, end) <= width) {
            // Short lines stay byte for byte, including the "-- " signature separator.
            out.append(text, start, end);
            return;
        }
        int indentEnd = start;
        while (indentEnd < end && text.charAt(indentEnd) == ' ') {
            indentEnd++;
        }
        int indent = indentEnd - start;
        int column = 0;
        int i = indentEnd;
        while (i < end) {
            int wordEnd = text.indexOf(' ', i);
            if (wordEnd < 0 || wordEnd > end) {
                wordEnd = end;
            }
            if (wordEnd > i) {
                int wordWidth = text.codePointCount(i, wordEnd);
                if (column > indent && column + 1 + wordWidth > width) {
                    out.append('\n');
                    column = 0;
                }
                if (column == 0) {
                    out.append(text, start, indentEnd);
                    column = indent;
                } else {
                    out.append(' ');
                    column++;
                }
                out.append(text, i, wordEnd);
                column += wordWidth;
            }
            i = wordEnd + 1;
        }
    }
}
