package org.tidings.parse;

import java.time.Instant;

/**
 * Lenient, allocation-light date parsing for feed dates. Thread-safe, static.
 * (Skeleton: to be implemented.)
 */
public final class DateParser {
    private DateParser() {
    }

    /**
     * RFC 822/1123 (named zones like EST/PDT/GMT/UT/Z, numeric offsets, optional weekday and
     * seconds, 2- or 4-digit years) and ISO 8601 / RFC 3339 (with or without offset, seconds,
     * fraction; date-only) to a UTC instant.
     *
     * @return null when the text is null, blank or not a date we understand
     */
    public static Instant parse(String text) {
        throw new UnsupportedOperationException("todo");
    }
}
