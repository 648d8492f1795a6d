package org.tidings.parse.text;

/**
 * A text builder that collapses every run of whitespace (including no-break and other Unicode
 * spaces) to one space and never starts or ends with one.
 */
public final class CollapsedText {
    private final StringBuilder text;
    private boolean spacePending;

    CollapsedText(int capacity) {
        text = new StringBuilder(capacity);
    }

    void append(char c) {
        if (isSpace(c)) {
            spacePending = true;
        } else if (c != '\uFEFF') {
            // U+FEFF is a byte-order mark that slipped through decoding, never content.
            if (spacePending && text.length() > 0) {
                text.append(' ');
            }
            spacePending = false;
            text.append(c);
        }
    }

    void append(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            append(chars.charAt(i));
        }
    }

    /** Separates what comes next from what came before, as the edge of a block element does. */
    void breakWord() {
        spacePending = true;
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** ASCII controls count as spaces: in a title they can only have been line breaks or junk. */
    public static boolean isSpace(char c) {
        if (c < 0x80) {
            return c <= ' ' || c == 0x7F;
        }
        return Character.isSpaceChar(c) || Character.isWhitespace(c) || c >= 0x80 && c <= 0x9F;
    }
}
