package org.tidings.ingest;

import java.time.Duration;
import org.tidings.config.FetchConfig;

/**
 * How a refresh round claims due feeds from the database.
 *
 * @param batchSize feeds claimed at once: enough to keep the workers busy, few enough that a
 *     killed process leaves few feeds waiting for their lease
 * @param lease how long a claimed feed is no other process's to fetch; it must outlast the whole
 *     batch, which at worst is fetched one feed after another (every feed on one host)
 */
public record ClaimPolicy(int batchSize, Duration lease) {
    /** A minute beyond the worst case covers storing what the fetches brought. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    public static ClaimPolicy of(FetchConfig fetch) {
        int batch = fetch.concurrency() * 2;
        return new ClaimPolicy(batch, fetch.timeout().multipliedBy(batch).plus(MARGIN));
    }
}
