package org.tidings.ingest;

import org.tidings.model.Feed;

/**
 * What ingesting one feed came to, for the run's report.
 *
 * @param error one line, null unless the kind is FAILED
 */
public record FeedOutcome(Feed feed, Kind kind, int added, int updated, String error) {
    /** The kinds of outcome. */
    public enum Kind {
        /** Parsed and stored (possibly with nothing new). */
        FETCHED,
        /** 304, or a 200 whose body was byte-identical: nothing parsed. */
        NOT_MODIFIED,
        /** 410: the feed is marked gone. */
        GONE,
        /** Fetch or parse failed; recorded on the feed with a backoff. */
        FAILED
    }

    static FeedOutcome failed(Feed feed, String error) {
        return new FeedOutcome(feed, Kind.FAILED, 0, 0, error);
    }

    /** One line for people, as printed by {@code fetch}. */
    public String describe() {
        String name = feed.displayTitle();
        return switch (kind) {
            case FETCHED -> name + ": " + added + " new, " + updated + " updated";
            case NOT_MODIFIED -> name + ": not modified";
            case GONE -> name + ": gone (HTTP 410), no longer polled";
            case FAILED -> name + ": " + error;
        };
    }
}
