package org.tidings.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One article as parsed and normalized from a feed, before it is stored.
 *
 * @param guid stable identity: the GUID or Atom id, else the link, else a hash of title and content
 * @param url absolute link to the original, or null
 * @param title plain text, never null (may be empty)
 * @param published when the feed says it was published, in UTC; null when missing or unparseable
 * @param updated when the feed says it last changed; null when not given
 * @param summary plain text of about 300 characters, cut at a word
 * @param contentHtml sanitized HTML with absolute URLs; empty when the feed has none
 */
public record Entry(
        String guid,
        URI url,
        String title,
        List<String> authors,
        Instant published,
        Instant updated,
        String summary,
        String contentHtml,
        List<String> categories) {

    public Entry {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
