package org.tidings.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tidings.parse.urls.UrlResolver;

/**
 * The feeds an HTML page announces with link rel="alternate" (the RSS autodiscovery convention),
 * in page order, absolute against the page URL or its base element.
 */
final class HtmlFeedDiscovery {
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json");

    private HtmlFeedDiscovery() {
    }

    static List<URI> alternates(byte[] body, String contentType, URI pageUrl) {
        Set<URI> found = new LinkedHashSet<>();
        for (Element link : page(body, contentType, pageUrl).select("link[href]")) {
            if (isFeedAlternate(link)) {
                String absolute = link.absUrl("href");
                URI url = UrlResolver.resolve(pageUrl, absolute.isEmpty() ? link.attr("href") : absolute);
                if (url != null) {
                    found.add(url);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** jsoup finds the charset from the byte-order mark or meta tag when the header has none. */
    private static Document page(byte[] body, String contentType, URI pageUrl) {
        String charset = XmlCharsetDecoder.charsetNamed(ContentTypeCharset.of(contentType)) == null
                ? null : ContentTypeCharset.of(contentType);
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static boolean isFeedAlternate(Element link) {
        boolean alternate = false;
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            alternate |= rel.equals("alternate");
        }
        String type = link.attr("type").toLowerCase(Locale.ROOT);
        int params = type.indexOf(';');
        return alternate && FEED_TYPES.contains((params < 0 ? type : type.substring(0, params)).trim());
    }
}
