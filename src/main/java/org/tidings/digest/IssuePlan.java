package org.tidings.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.tidings.model.Issue;

/**
 * The period and subject of the next issue: from the end of the previous issue to now, or the
 * last seven days for the first one; "Tidings: week of 22 May 2023".
 */
public record IssuePlan(Instant periodStart, Instant periodEnd, String subject) {
    static final Duration FIRST_PERIOD = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public static IssuePlan next(Optional<Issue> previous, Instant now, String title, ZoneId zone) {
        Instant start = previous.map(Issue::periodEnd).orElse(now.minus(FIRST_PERIOD));
        return new IssuePlan(start, now, title + ": week of " + DAY.format(now.atZone(zone)));
    }
}
