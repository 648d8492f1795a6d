package org.tidings.parse;

import java.nio.charset.StandardCharsets;

/** Reads the encoding pseudo-attribute of an XML declaration straight from the bytes. */
final class XmlDeclaration {
    /** A declaration is short; blank lines that some servers put before it are allowed for. */
    private static final int LOOK_AHEAD = 1024;

    private XmlDeclaration() {
    }

    /** @return the declared encoding label, or null when there is no declaration or no encoding */
    static String encoding(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, LOOK_AHEAD), StandardCharsets.ISO_8859_1);
        int start = head.indexOf("<?xml");
        if (start < 0 || !head.substring(0, start).isBlank()) {
            return null;
        }
        int end = head.indexOf("?>", start);
        if (end < 0) {
            return null;
        }
        String declaration = head.substring(start, end);
        int attr = declaration.indexOf("encoding");
        if (attr < 0) {
            return null;
        }
        int eq = declaration.indexOf('=', attr);
        if (eq < 0) {
            return null;
        }
        int open = eq + 1;
        while (open < declaration.length() && Character.isWhitespace(declaration.charAt(open))) {
            open++;
        }
        if (open >= declaration.length()) {
            return null;
        }
        char quote = declaration.charAt(open);
        int close = declaration.indexOf(quote, open + 1);
        if ((quote != '"' && quote != '\'') || close < 0) {
            return null;
        }
        return declaration.substring(open + 1, close).trim();
    }
}
