package org.tidings.render;

import java.io.IOException;
import java.io.Writer;

/**
 * How a {{value}} is written into a template's output. Both drop control characters: feeds carry
 * stray ones, and they are invalid in HTML and garble plain-text mail.
 */
enum ValueEscaping {
    /** For *.html.mustache: the five characters that matter in text and quoted attributes. */
    HTML {
        @Override
        String replacement(char c) {
            switch (c) {
                case '&': return "&amp;";
                case '<': return "&lt;";
                case '>': return "&gt;";
                case '"': return "&quot;";
                case '\'': return "&#39;";
                default: return isControl(c) ? "" : null;
            }
        }
    },
    /** For *.txt.mustache: written as is, since an entity would show literally in a text/plain part. */
    TEXT {
        @Override
        String replacement(char c) {
            if (c == '\t') {
                // A tab's width is up to the reader's client; the 72-column wrap needs to know it.
                return " ";
            }
            return isControl(c) ? "" : null;
        }
    };

    /** What replaces {@code c}, or null to keep it. */
    abstract String replacement(char c);

    void write(String value, Writer out) throws IOException {
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            String replacement = replacement(value.charAt(i));
            if (replacement != null) {
                out.write(value, start, i - start);
                out.write(replacement);
                start = i + 1;
            }
        }
        out.write(value, start, value.length() - start);
    }

    /** C0 and C1 controls except the newline, which both kinds of template keep. */
    private static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
    }
}
