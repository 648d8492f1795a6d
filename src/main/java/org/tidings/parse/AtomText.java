package org.tidings.parse;

import com.rometools.rome.feed.atom.Content;
import java.util.Locale;
import org.tidings.parse.text.PlainToHtml;

/**
 * An Atom text construct or content element as HTML. Atom 1.0 says type text, html or xhtml
 * (RFC 4287 section 3.1, default text); Atom 0.3 used MIME types (text/plain, text/html,
 * application/xhtml+xml). Text must be escaped: "a &lt; b" is not markup. Atom 0.3's default
 * mode="xml" is the exception: Rome hands back that content re-serialized, so already escaped.
 */
final class AtomText {
    private AtomText() {
    }

    /** @return HTML, or null when absent, out of line (src) or not text at all (an image, say) */
    static String toHtml(Content content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType() == null ? "text" : content.getType().trim().toLowerCase(Locale.ROOT);
        if (type.contains("html") || Content.XML.equals(content.getMode())) {
            return content.getValue();
        }
        if (type.equals("text") || type.startsWith("text/")) {
            return PlainToHtml.escape(content.getValue());
        }
        return null;
    }
}
