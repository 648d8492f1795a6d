package org.tidings.render;

import java.net.URI;

/**
 * URLs as written into href attributes and text: http(s) only, since a feed-supplied
 * "javascript:" or "data:" link must never become clickable in mail.
 */
final class WebLinks {
    private WebLinks() {
    }

    /** The ASCII form of an http(s) URL (non-ASCII percent-encoded, as every client accepts); else null. */
    static String href(URI uri) {
        if (uri == null || uri.getScheme() == null) {
            return null;
        }
        String scheme = uri.getScheme();
        return scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http") ? uri.toASCIIString() : null;
    }
}
