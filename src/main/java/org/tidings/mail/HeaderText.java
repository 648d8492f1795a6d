package org.tidings.mail;

/**
 * Makes text safe to put in a header. A CR or LF in a subject or name would end the header and let
 * the rest of the value become headers of its own ("Hi\r\nBcc: ..."); other control characters
 * have no business in a header either, so all of them become spaces before any encoding happens.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** Null stays null, so optional values can pass straight through. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // U+2028/U+2029 are line breaks to some mail clients although they are not ISO controls.
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? value : out.toString();
    }
}
