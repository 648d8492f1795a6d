package org.tidings.parse.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.owasp.html.HtmlStreamEventReceiver;
import org.tidings.parse.text.CollapsedText;

/**
 * Removes elements left empty once clutter and disallowed content are gone ("<p>&nbsp;</p>",
 * a link whose text was a share icon, the wrapper div of a removed share box). Runs after the
 * allow-list, on balanced events: start tags of such elements are held back until real content
 * (text or an image) arrives, and forgotten if their end tag comes first.
 */
final class EmptyElementPruner extends ForwardingReceiver {
    private static final Set<String> PRUNABLE = Set.of(
            "a", "span", "p", "div", "b", "i", "u", "s", "em", "strong", "small", "mark", "sub", "sup",
            "code", "abbr", "cite", "q", "del", "ins", "time", "blockquote", "pre", "figure", "figcaption",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd");

    /** A held start tag (attrs not null), held line break, or held whitespace (text not null). */
    private record Held(String elementName, List<String> attrs, String text) {
    }

    private final List<Held> held = new ArrayList<>();
    private int heldStartTags;

    EmptyElementPruner(HtmlStreamEventReceiver next) {
        super(next);
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        if (PRUNABLE.contains(elementName)) {
            held.add(new Held(elementName, attrs.isEmpty() ? List.of() : List.copyOf(attrs), null));
            heldStartTags++;
        } else if (elementName.equals("br") && heldStartTags > 0) {
            held.add(new Held(elementName, null, null));
        } else {
            release();
            next.openTag(elementName, attrs);
        }
    }

    @Override
    public void closeTag(String elementName) {
        if (heldStartTags == 0) {
            next.closeTag(elementName);
            return;
        }
        // Balanced input: the element being closed is the innermost held one, and it is empty.
        boolean hadSpace = false;
        Held last = held.remove(held.size() - 1);
        while (last.attrs() == null) {
            hadSpace = true;
            last = held.remove(held.size() - 1);
        }
        heldStartTags--;
        if (hadSpace) {
            // "a<span> </span>b" must not become "ab".
            held.add(new Held(null, null, " "));
        }
        if (heldStartTags == 0) {
            release();
        }
    }

    @Override
    public void text(String text) {
        if (heldStartTags > 0 && isBlank(text)) {
            held.add(new Held(null, null, text));
        } else {
            release();
            next.text(text);
        }
    }

    @Override
    public void openDocument() {
        held.clear();
        heldStartTags = 0;
        next.openDocument();
    }

    @Override
    public void closeDocument() {
        held.clear();
        heldStartTags = 0;
        next.closeDocument();
    }

    private void release() {
        for (Held h : held) {
            if (h.text() != null) {
                next.text(h.text());
            } else {
                // The renderer only reads attributes, so the held copy can be passed on as it is.
                next.openTag(h.elementName(), h.attrs() == null ? List.of() : h.attrs());
            }
        }
        held.clear();
        heldStartTags = 0;
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!CollapsedText.isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
