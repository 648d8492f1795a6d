package org.tidings.model;

import java.net.URI;
import java.time.Instant;

/**
 * A subscribed feed as stored, with its fetch state.
 *
 * @param siteUrl the publication's home page, from the feed; null until known
 * @param lastError null while the feed is healthy
 * @param nextFetchAt when the feed is next due; null means now
 * @param ttlMinutes how long the feed itself says it stays fresh (RSS ttl, sy:updatePeriod), or null
 * @param lastSuccessAt the last fetch that worked, or null when none has yet
 * @param createdAt when the feed was added
 * @param intervalMinutes an admin's own fetch interval for this feed, or null for fetch.interval
 * @param failingSince when the current run of failures began; null while the feed works
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
        Instant nextFetchAt,
        Integer ttlMinutes,
        Instant lastSuccessAt,
        Instant createdAt,
        Integer intervalMinutes,
        Instant failingSince) {

    /** The title for people: the stored one, else the URL. */
    public String displayTitle() {
        return title == null || title.isBlank() ? url.toString() : title;
    }
}
