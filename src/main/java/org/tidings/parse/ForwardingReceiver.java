package org.tidings.parse;

import java.util.List;
import org.owasp.html.HtmlSanitizer.Policy;
import org.owasp.html.HtmlStreamEventReceiver;

/** A stage of the sanitizing stream that passes every event on unless a subclass says otherwise. */
abstract class ForwardingReceiver implements Policy {
    final HtmlStreamEventReceiver next;

    ForwardingReceiver(HtmlStreamEventReceiver next) {
        this.next = next;
    }

    @Override
    public void openDocument() {
        next.openDocument();
    }

    @Override
    public void closeDocument() {
        next.closeDocument();
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        next.openTag(elementName, attrs);
    }

    @Override
    public void closeTag(String elementName) {
        next.closeTag(elementName);
    }

    @Override
    public void text(String text) {
        next.text(text);
    }

    /** The value of attribute {@code name} in OWASP's alternating name/value list, or null. */
    static String attribute(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }
}
