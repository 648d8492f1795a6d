package org.tidings.store;

/**
 * How much of a period an issue takes.
 *
 * @param perFeed at most this many articles of one feed, its newest
 * @param articles at most this many articles in all: with 2,000 feeds a week holds 20,000 articles
 *     that {@code perFeed} alone would let in, a web version of megabytes and a digest no reader
 *     reads to the end
 */
public record PeriodLimits(int perFeed, int articles) {
    public PeriodLimits {
        if (perFeed < 1 || articles < 1) {
            throw new IllegalArgumentException("limits must be positive: " + perFeed + ", " + articles);
        }
    }

    /** No limit: every article of the period. */
    public static final PeriodLimits NONE = new PeriodLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);
}
