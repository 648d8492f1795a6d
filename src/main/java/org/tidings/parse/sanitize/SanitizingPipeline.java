package org.tidings.parse.sanitize;

import java.net.URI;
import org.owasp.html.Handler;
import org.owasp.html.HtmlStreamRenderer;

/**
 * One thread's sanitizing stream, built once and reused for every item: building OWASP's policy
 * copies its element tables, and a fresh output buffer is allocated and widened for each item.
 * Reuse is safe because every stage starts over in openDocument, and the renderer keeps state
 * only for raw-text and foreign elements (script, svg...), which never pass the allow-list.
 * Not thread-safe; {@link HtmlSanitizer} keeps one per thread.
 */
final class SanitizingPipeline {
    /** A buffer grown past this by an unusually large item is not kept for the next ones. */
    private static final int MAX_KEPT_CAPACITY = 64 * 1024;

    private final StringBuilder out = new StringBuilder(8 * 1024);
    private final UrlRewriter urls;
    private final UnwantedSubtreeFilter first;

    SanitizingPipeline() {
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
        urls = new UrlRewriter(FeedHtmlPolicy.POLICY.apply(renderer));
        first = new UnwantedSubtreeFilter(urls);
    }

    String sanitize(String html, URI base) {
        out.setLength(0);
        urls.setBase(base);
        org.owasp.html.HtmlSanitizer.sanitize(html, first);
        return strip(out);
    }

    boolean isWorthKeeping() {
        return out.capacity() <= MAX_KEPT_CAPACITY;
    }

    /** {@link String#strip()} without first copying the whole buffer into a String. */
    private static String strip(StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
