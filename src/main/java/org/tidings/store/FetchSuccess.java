package org.tidings.store;

import java.time.Instant;
import org.tidings.model.HttpValidators;

/**
 * A fetch that worked (200 or 304): clears the error state.
 *
 * @param validators the new validators; null keeps the stored ones (a 304)
 * @param feedTitle the title the feed gives itself, stored only if the feed has none yet
 * @param siteUrl the feed's home page, or null to keep the stored one
 */
public record FetchSuccess(Instant at, HttpValidators validators, String feedTitle, java.net.URI siteUrl,
        Integer ttlMinutes, Instant nextFetchAt) {
}
