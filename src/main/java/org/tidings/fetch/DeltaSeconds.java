package org.tidings.fetch;

import java.time.Duration;

/** The delta-seconds of Cache-Control max-age and Retry-After. */
final class DeltaSeconds {
    /** RFC 9111 section 1.2.2: a delta-seconds too large to represent means 2^31 seconds. */
    private static final long CEILING = 2_147_483_648L;

    private DeltaSeconds() {
    }

    /** The duration, or null when the text is not a non-negative integer. */
    static Duration parse(String text) {
        String digits = text == null ? "" : text.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long seconds = digits.length() > 10 ? CEILING : Math.min(Long.parseLong(digits), CEILING);
        return Duration.ofSeconds(seconds);
    }
}
