package org.tidings.web.cache;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMF-fixdate (RFC 9110 section 5.6.7), the only HTTP-date form a server may send. */
public final class HttpDates {
    // Not RFC_1123_DATE_TIME for writing: it writes "3 Jun", and IMF-fixdate needs "03 Jun".
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant t) {
        return IMF_FIXDATE.format(t);
    }

    /** The instant, or null when absent or unreadable: a server then ignores the header (RFC 9110 13.1.3). */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
