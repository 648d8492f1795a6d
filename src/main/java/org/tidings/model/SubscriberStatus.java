package org.tidings.model;

import java.util.Locale;

/** Where a subscriber stands. Only {@link #ACTIVE} subscribers receive issues. */
public enum SubscriberStatus {
    /** Signed up, confirmation email sent, not yet confirmed (double opt-in). */
    PENDING,
    /** Confirmed: receives every issue. */
    ACTIVE,
    /** Asked to stop; kept so the address is never mailed again unless it signs up anew. */
    UNSUBSCRIBED,
    /** The mail server refused the address for several issues in a row. */
    BOUNCED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriberStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
