package org.tidings.parse.sanitize;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for feed HTML: text structure, links, images and tables; no styles, classes,
 * ids, event handlers, forms or embedded content. Built once; OWASP policy factories are
 * immutable and thread-safe.
 */
final class FeedHtmlPolicy {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern IMAGE_SIZE = Pattern.compile("[0-9]{1,4}(px)?");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
                    "mark", "abbr", "cite", "q", "del", "ins", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
                    "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "time")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            // UrlRewriter sets rel: OWASP's requireRelsOnLinks orders the words differently on each
            // JVM run, and stable output keeps content hashes stable.
            .allowAttributes("rel").matching(true, UrlRewriter.LINK_REL).onElements("a")
            // mailto: is fine for a link, not as an image.
            .allowAttributes("src").matching((element, attribute, value) -> isWebUrl(value) ? value : null)
            .onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(IMAGE_SIZE).onElements("img")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
            .allowAttributes("datetime").onElements("time")
            .allowAttributes("title").onElements("abbr")
            .withPostprocessor(EmptyElementPruner::new)
            .toFactory();

    private FeedHtmlPolicy() {
    }

    private static boolean isWebUrl(String value) {
        return value.regionMatches(true, 0, "https://", 0, 8) || value.regionMatches(true, 0, "http://", 0, 7);
    }
}
