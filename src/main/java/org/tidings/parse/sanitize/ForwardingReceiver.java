package org.tidings.parse.sanitize;

import java.util.Iterator;
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

    /**
     * The value of attribute {@code name} in OWASP's alternating name/value list, or null.
     * Iterates: the list is a LinkedList, where get(i) walks from the start.
     */
    static String attribute(List<String> attrs, String name) {
        for (Iterator<String> it = attrs.iterator(); it.hasNext();) {
            String attrName = it.next();
            String value = it.hasNext() ? it.next() : null;
            if (attrName.equals(name)) {
                return value;
            }
        }
        return null;
    }
}
