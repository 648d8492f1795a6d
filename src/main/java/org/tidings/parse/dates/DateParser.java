package org.tidings.parse.dates;

import java.time.Instant;

/**
 * Lenient, allocation-light date parsing for feed dates. Thread-safe, static.
 *
 * <p>One left-to-right scan instead of trying a list of formats in turn (Rome tries ~20
 * SimpleDateFormats per date): words are month, weekday or zone names, "12:34:56" is the time,
 * numbers fill day then year, a sign after the time starts an offset. The order of the parts
 * hardly matters, so RFC 822, its many sloppy variants and asctime ("Tue Mar 5 10:00:00 2024") all
 * read the same way. An ISO 8601 date ("2024-03-05", "2024/03/05") is read first, then the same
 * scan reads its time and zone.
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
        if (text == null) {
            return null;
        }
        DateFields fields = new DateFields();
        int from = DateScanner.readIsoDate(text, fields);
        if (from < 0) {
            return null;
        }
        return DateScanner.readRest(text, from, fields) ? fields.toInstant() : null;
    }
}
