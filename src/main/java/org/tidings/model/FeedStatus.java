package org.tidings.model;

import java.util.Locale;

/** Whether, and how often, a feed is polled. */
public enum FeedStatus {
    /** Polled when due. */
    ACTIVE,
    /** Has failed for fetch.give-up-after without a success: still polled, but only once a day. */
    FAILING,
    /** Kept, but not polled until an admin resumes it. */
    PAUSED,
    /** The server answered 410 Gone: never polled again. */
    GONE;

    /** Whether a feed with this status is fetched when due; a failing feed is, only less often. */
    public boolean polled() {
        return this == ACTIVE || this == FAILING;
    }

    /** The lower-case name used in the database, the CLI and JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
