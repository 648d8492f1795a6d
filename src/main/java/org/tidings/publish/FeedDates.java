package org.tidings.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How each format spells an instant. Every date is written in UTC. */
final class FeedDates {
    // RSS 2.0 wants RFC 822 with a four-digit year (RSS Advisory Board best practices), and
    // English names whatever the JVM locale.
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private FeedDates() {
    }

    /** RFC 3339 to the second, e.g. 2024-03-05T10:00:00Z (Atom and JSON Feed). */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 822, e.g. Tue, 05 Mar 2024 10:00:00 GMT (RSS 2.0). */
    static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }
}
