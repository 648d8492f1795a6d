package org.tidings.fetch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * HTTP-date as in Expires, Date and Retry-After. Recipients must accept all three formats
 * (RFC 9110 section 5.6.7): IMF-fixdate, the obsolete RFC 850 form and asctime.
 */
final class HttpDate {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEEE, dd-MMM-")
                    // Two-digit years: RFC 9110 reads them as the most recent matching year.
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss zzz")
                    .toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                    .toFormatter(Locale.US)
                    .withZone(ZoneOffset.UTC));

    private HttpDate() {
    }

    /** The instant, or null when the text is absent or in none of the three formats. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return format.parse(text.trim(), Instant::from);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
