package org.tidings.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A stored article with the feed it came from.
 *
 * @param publishedAt the feed's date, or when we first saw it if the feed gave none
 * @param updatedAt the feed's updated date, or null
 */
public record Article(
        long id,
        Source source,
        String guid,
        URI url,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant updatedAt,
        Instant firstSeenAt,
        String summary,
        String contentHtml,
        List<String> categories) {

    public Article {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
