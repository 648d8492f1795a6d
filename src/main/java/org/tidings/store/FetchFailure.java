package org.tidings.store;

import java.time.Instant;

/** A fetch or parse that failed: the error, the new consecutive count and when to try again. */
public record FetchFailure(Instant at, String error, int errorCount, Instant nextFetchAt) {
}
