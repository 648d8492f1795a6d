package org.tidings.model;

import java.net.URI;
import java.time.Instant;

/**
 * A subscribed feed as stored, with its fetch state.
 *
 * @param siteUrl the publication's home page, from the feed; null until known
 * @param lastError null while the feed is healthy
 * @param nextFetchAt when the feed is next due; null means now
 */
public record Feed(
        long id,
        URI url,
        String title,
        URI siteUrl,
        String category,
        FeedStatus status,
        HttpValidators validators,
        Instant lastFetchedAt,
        String lastError,
        int errorCount,
        Instant nextFetchAt) {

    /** The title for people: the stored one, else the URL. */
    public String displayTitle() {
        return title == null || title.isBlank() ? url.toString() : title;
    }
}
