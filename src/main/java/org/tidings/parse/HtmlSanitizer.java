package org.tidings.parse;

import java.net.URI;

/**
 * Allow-list sanitizer for untrusted feed HTML. Thread-safe.
 * (Skeleton: to be implemented.)
 */
public final class HtmlSanitizer {
    /**
     * @param html untrusted HTML fragment from a feed (may be null or empty)
     * @param base absolute URI that relative src/href resolve against
     * @return safe HTML: no script/style/iframe/object/form, no on* attributes, no javascript: URLs,
     *     no 1x1 tracking images, all src/href absolute; "" for null input
     */
    public String sanitize(String html, URI base) {
        throw new UnsupportedOperationException("todo");
    }
}
