package org.tidings.store;

import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

/**
 * A feed's fetch state as one fetch leaves it, decided by the ingest stage: {@link FeedStore}
 * writes it as it is. Two values are settled by the row when it is written, because an admin may
 * change them while the feed is being fetched: the status (pause, resume) and the title.
 *
 * @param statusAfter for each status the feed may have when this is written, the status it gets
 * @param lastSuccessAt the last fetch that worked, this one or an earlier one; null when none has yet
 * @param lastError null while the feed works
 * @param failingSince when the current run of failures began; null while the feed works
 * @param nextFetchAt when the feed is next due; null for never (a gone feed)
 * @param validators what the next conditional GET sends back
 * @param feedTitle the title the feed gives itself, stored only while the feed has none (an admin's
 *     title wins); null or blank for none
 * @param siteUrl the publication's home page, or null while unknown
 * @param ttlMinutes how long the feed says it stays fresh, or null
 */
public record FeedState(Map<FeedStatus, FeedStatus> statusAfter, Instant lastFetchedAt, Instant lastSuccessAt,
        String lastError, int errorCount, Instant failingSince, Instant nextFetchAt, HttpValidators validators,
        String feedTitle, URI siteUrl, Integer ttlMinutes) {

    public FeedState {
        statusAfter = new EnumMap<>(statusAfter);
        if (statusAfter.size() != FeedStatus.values().length) {
            throw new IllegalArgumentException("a status after each status, not only after " + statusAfter.keySet());
        }
        statusAfter = Map.copyOf(statusAfter);
    }

    /** The status of a feed that has {@code current} when this state is written. */
    public FeedStatus status(FeedStatus current) {
        return statusAfter.get(current);
    }
}
