package org.tidings.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What a response says about time: how long it stays fresh, and when to retry after a refusal. */
final class ResponseTimes {
    private ResponseTimes() {
    }

    /**
     * Freshness lifetime per RFC 9111 section 4.2.1: Cache-Control max-age wins over Expires.
     * s-maxage is for shared caches, which we are not. no-cache and no-store mean "do not reuse",
     * so there is no lifetime to honour.
     *
     * @return null when the response says nothing usable
     */
    static Duration maxAge(HttpHeaders headers, Instant now) {
        Duration maxAge = null;
        for (String value : headers.allValues("Cache-Control")) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.startsWith("no-cache=") || d.equals("no-store")) {
                    return null;
                }
                if (d.startsWith("max-age=")) {
                    maxAge = DeltaSeconds.parse(d.substring("max-age=".length()).replace("\"", ""));
                }
            }
        }
        if (maxAge != null) {
            return maxAge;
        }
        return headers.firstValue("Expires").map(expires -> untilExpiry(expires, headers, now)).orElse(null);
    }

    /** RFC 9111 section 5.3: an invalid Expires, such as "0", means already expired. */
    private static Duration untilExpiry(String expires, HttpHeaders headers, Instant now) {
        Instant expiry = HttpDate.parse(expires);
        if (expiry == null) {
            return Duration.ZERO;
        }
        Instant date = headers.firstValue("Date").map(HttpDate::parse).orElse(now);
        return nonNegative(Duration.between(date, expiry));
    }

    /**
     * Retry-After (RFC 9110 section 10.2.3): delta-seconds, or an HTTP-date measured from now.
     *
     * @return null when absent or invalid
     */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("Retry-After").orElse(null);
        Duration delta = DeltaSeconds.parse(value);
        if (delta != null) {
            return delta;
        }
        Instant when = HttpDate.parse(value);
        return when == null ? null : nonNegative(Duration.between(now, when));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
