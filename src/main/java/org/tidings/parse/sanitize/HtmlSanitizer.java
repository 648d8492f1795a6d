package org.tidings.parse.sanitize;

import java.net.URI;

/**
 * Allow-list sanitizer for untrusted feed HTML. Thread-safe.
 *
 * <p>One streaming pass of OWASP's java-html-sanitizer (about three times faster than a jsoup
 * Cleaner here), through these stages: {@link UnwantedSubtreeFilter} drops scripts, embeds, share
 * clutter and tracking pixels with their content; {@link UrlRewriter} makes URLs absolute;
 * {@link FeedHtmlPolicy} applies the allow-list; {@link EmptyElementPruner} removes what was left
 * empty. Each thread reuses one such {@link SanitizingPipeline}.
 */
public final class HtmlSanitizer {
    private final ThreadLocal<SanitizingPipeline> pipelines = ThreadLocal.withInitial(SanitizingPipeline::new);

    /**
     * @param html untrusted HTML fragment from a feed (may be null or empty)
     * @param base absolute URI that relative src/href resolve against
     * @return safe HTML: no script/style/iframe/object/form, no on* attributes, no javascript: URLs,
     *     no 1x1 tracking images, all src/href absolute; "" for null input
     */
    public String sanitize(String html, URI base) {
        if (html == null || html.isBlank()) {
            return "";
        }
        SanitizingPipeline pipeline = pipelines.get();
        boolean completed = false;
        try {
            String safe = pipeline.sanitize(html, base);
            completed = true;
            return safe;
        } finally {
            // A pipeline interrupted mid-document may hold state; the next item gets a new one.
            if (!completed || !pipeline.isWorthKeeping()) {
                pipelines.remove();
            }
        }
    }
}
