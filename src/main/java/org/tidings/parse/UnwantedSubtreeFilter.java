package org.tidings.parse;

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
    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
            "source", "track", "wbr", "keygen");

    /** Depth inside the element being dropped; 0 while passing events on. */
    private int droppedDepth;

    UnwantedSubtreeFilter(HtmlStreamEventReceiver next) {
        super(next);
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        boolean isVoid = VOID_ELEMENTS.contains(elementName);
        if (droppedDepth > 0) {
            droppedDepth += isVoid ? 0 : 1;
        } else if (isUnwanted(elementName, attrs)) {
            droppedDepth = isVoid ? 0 : 1;
        } else {
            next.openTag(elementName, attrs);
        }
    }

    @Override
    public void closeTag(String elementName) {
        if (droppedDepth > 0) {
            droppedDepth--;
        } else {
            next.closeTag(elementName);
        }
    }

    @Override
    public void text(String text) {
        if (droppedDepth == 0) {
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
