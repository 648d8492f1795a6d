package org.tidings.parse.sanitize;

import java.net.URI;
import java.util.List;
import java.util.ListIterator;
import org.owasp.html.HtmlStreamEventReceiver;
import org.tidings.parse.urls.UrlResolver;

/**
 * Makes href, src and cite absolute against the item's base URI, so the HTML still works inside a
 * newsletter or on another page. A URL that cannot be resolved to http(s) or mailto loses its
 * attribute; an image without a usable source is dropped.
 */
final class UrlRewriter extends ForwardingReceiver {
    /** Followed links must not pass our ranking or give the target page a handle on ours. */
    static final String LINK_REL = "nofollow noopener";
    /** Lazy-loading plugins keep the real image here and a placeholder (or nothing) in src. */
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original");

    private URI base;

    UrlRewriter(HtmlStreamEventReceiver next) {
        super(next);
    }

    /** @param base the current item's base URI, which relative URLs resolve against */
    void setBase(URI base) {
        this.base = base;
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        switch (elementName) {
            case "a":
                remove(attrs, "rel");
                if (resolve(attrs, "href")) {
                    attrs.add("rel");
                    attrs.add(LINK_REL);
                }
                break;
            case "blockquote":
            case "q":
                resolve(attrs, "cite");
                break;
            case "img":
                if (!resolveImageSource(attrs)) {
                    return;
                }
                break;
            default:
                break;
        }
        next.openTag(elementName, attrs);
    }

    /** @return false when the image has no http(s) source */
    private boolean resolveImageSource(List<String> attrs) {
        String src = attribute(attrs, "src");
        if (src == null || src.isBlank() || src.trim().startsWith("data:")) {
            src = lazySource(attrs);
        }
        URI resolved = src == null ? null : UrlResolver.resolve(base, src);
        if (resolved == null || "mailto".equals(resolved.getScheme())) {
            return false;
        }
        set(attrs, "src", resolved.toString());
        return true;
    }

    private static String lazySource(List<String> attrs) {
        for (String name : LAZY_SOURCES) {
            String value = attribute(attrs, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** @return true when the attribute is there and now absolute; an unusable one is removed */
    private boolean resolve(List<String> attrs, String name) {
        for (ListIterator<String> it = attrs.listIterator(); it.hasNext();) {
            String attrName = it.next();
            if (!it.hasNext()) {
                break;
            }
            String value = it.next();
            if (attrName.equals(name)) {
                URI resolved = UrlResolver.resolve(base, value);
                if (resolved == null) {
                    it.remove();
                    it.previous();
                    it.remove();
                    return false;
                }
                it.set(resolved.toString());
                return true;
            }
        }
        return false;
    }

    private static void remove(List<String> attrs, String name) {
        for (ListIterator<String> it = attrs.listIterator(); it.hasNext();) {
            String attrName = it.next();
            if (!it.hasNext()) {
                break;
            }
            it.next();
            if (attrName.equals(name)) {
                it.remove();
                it.previous();
                it.remove();
            }
        }
    }

    private static void set(List<String> attrs, String name, String value) {
        for (ListIterator<String> it = attrs.listIterator(); it.hasNext();) {
            String attrName = it.next();
            if (it.hasNext()) {
                it.next();
                if (attrName.equals(name)) {
                    it.set(value);
                    return;
                }
            }
        }
        attrs.add(name);
        attrs.add(value);
    }
}
