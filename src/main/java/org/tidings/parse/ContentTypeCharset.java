package org.tidings.parse;

import java.util.Locale;

/** The charset parameter of an HTTP Content-Type header (RFC 9110 section 8.3). */
final class ContentTypeCharset {
    private ContentTypeCharset() {
    }

    /** @return the label as sent, unquoted, or null when the header has none */
    static String of(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = param.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
