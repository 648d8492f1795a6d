package org.tidings.publish;

/**
 * Drops the characters a document format cannot carry, so one bad byte in a stored title never
 * makes the whole merged feed unreadable.
 */
final class LegalChars {
    private LegalChars() {
    }

    /**
     * Only the characters XML 1.0 allows (section 2.2): tab, newline, carriage return, U+0020 to
     * U+D7FF, U+E000 to U+FFFD and paired surrogates. Escaping cannot help here: even {@code &#1;}
     * is not well-formed XML 1.0.
     */
    static String xml(String text) {
        return keep(text, true);
    }

    /** Everything but lone surrogates, which cannot be encoded as UTF-8. */
    static String unicode(String text) {
        return keep(text, false);
    }

    private static String keep(String text, boolean xmlOnly) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean loneSurrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
            boolean legal = !loneSurrogate && (!xmlOnly || isXmlChar(cp));
            if (!legal && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (legal && kept != null) {
                kept.appendCodePoint(cp);
            }
            i += width;
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || cp >= 0x10000;
    }
}
