package org.tidings.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.tidings.model.Article;

/**
 * The identity of an article in the merged feed, shared by all three formats so a reader that
 * switches format sees the same items.
 *
 * <p>A guid that is already an absolute URI is kept: it is a valid Atom id and other aggregators
 * know the article by it. Any other guid ("1234", "post 7") is only unique within its own feed, so
 * it is combined with the feed URL into a name-based UUID (RFC 4122 version 3): a registered URN
 * namespace, valid wherever an IRI is required, and the same on every request.
 */
final class EntryId {
    private EntryId() {
    }

    static String of(Article article) {
        String guid = article.guid();
        if (isAbsoluteUri(guid)) {
            return guid;
        }
        String name = article.source().feedUrl() + "\n" + guid;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the id is the article's own web address, which RSS calls a permalink guid. */
    static boolean isPermalink(String id, Article article) {
        URI url = article.url();
        return url != null && id.equals(url.toString()) && isHttp(url);
    }

    private static boolean isAbsoluteUri(String guid) {
        if (guid == null || guid.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(guid);
            // "example.com:8080/x" parses with scheme "example.com"; a real scheme has no dots.
            return uri.isAbsolute() && uri.getScheme().matches("[A-Za-z][A-Za-z0-9+-]*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }
}
