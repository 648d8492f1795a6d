package org.tidings.parse.sanitize;

import java.util.List;
import java.util.Set;
import org.owasp.html.HtmlStreamEventReceiver;

/**
 * Drops whole elements with everything inside them: active and embedded content (whose fallback
 * text, "Your browser does not support video", is no content either), share-button clutter and
 * tracking pixels. Runs before the allow-list, while class names and raw URLs are still there to
 * decide on; the events it sees are already tag-balanced.
 */
final class UnwantedSubtreeFilter extends ForwardingReceiver {
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of(
            "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
            "form", "input", "button", "select", "textarea", "video", "audio", "canvas", "svg", "math",
            "noscript", "noembed", "template", "head", "title", "meta", "link", "base");
    /** Void elements have no end tag, so dropping one drops nothing after it. */
    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
            "source", "track", "wbr", "keygen");

    /**
     * The element being dropped, and how many elements of that name are open inside it. Only
     * same-name tags are counted: OWASP's tag balancer leaves unknown elements such as svg's
     * self-closed {@code <path/>} unclosed, but it always closes the elements it knows.
     */
    private String droppedName;
    private int droppedDepth;

    UnwantedSubtreeFilter(HtmlStreamEventReceiver next) {
        super(next);
    }

    @Override
    public void openDocument() {
        droppedName = null;
        droppedDepth = 0;
        next.openDocument();
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        if (droppedName != null) {
            droppedDepth += elementName.equals(droppedName) ? 1 : 0;
        } else if (!isUnwanted(elementName, attrs)) {
            next.openTag(elementName, attrs);
        } else if (!VOID_ELEMENTS.contains(elementName)) {
            droppedName = elementName;
            droppedDepth = 1;
        }
    }

    @Override
    public void closeTag(String elementName) {
        if (droppedName == null) {
            next.closeTag(elementName);
        } else if (elementName.equals(droppedName) && --droppedDepth == 0) {
            droppedName = null;
        }
    }

    @Override
    public void text(String text) {
        if (droppedName == null) {
            next.text(text);
        }
    }

    private static boolean isUnwanted(String elementName, List<String> attrs) {
        if (DROPPED_WITH_CONTENT.contains(elementName)) {
            return true;
        }
        if (ShareClutter.isClutterClass(attribute(attrs, "class"))) {
            return true;
        }
        if (elementName.equals("a")) {
            return ShareClutter.isShareLink(attribute(attrs, "href"));
        }
        return elementName.equals("img") && TrackingPixels.isTrackingPixel(attrs);
    }
}
