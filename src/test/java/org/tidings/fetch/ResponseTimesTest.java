package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header arithmetic the test server cannot drive, because it stamps its own Date header. */
class ResponseTimesTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    @Test
    void measuresExpiresFromDateHeader() {
        assertEquals(Duration.ofMinutes(15), ResponseTimes.maxAge(headers(
                "Date", "Sat, 01 Mar 2025 08:00:00 GMT", "Expires", "Sat, 01 Mar 2025 08:15:00 GMT"), NOW));
    }

    @Test
    void measuresExpiresFromClockWithoutDateHeader() {
        assertEquals(Duration.ofHours(2), ResponseTimes.maxAge(headers("Expires", "Sat, 01 Mar 2025 14:00:00 GMT"), NOW));
    }

    @Test
    void treatsExpiresBeforeDateAsExpired() {
        assertEquals(Duration.ZERO, ResponseTimes.maxAge(headers(
                "Date", "Sat, 01 Mar 2025 08:00:00 GMT", "Expires", "Sat, 01 Mar 2025 07:00:00 GMT"), NOW));
    }

    @Test
    void acceptsAllThreeHttpDateFormats() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals(expected, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(expected, HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(expected, HttpDate.parse("Sun Nov  6 08:49:37 1994"));
        assertNull(HttpDate.parse("yesterday"));
    }

    @Test
    void capsHugeDeltaSecondsAtTwoToTheThirtyOne() {
        assertEquals(Duration.ofSeconds(2_147_483_648L),
                ResponseTimes.maxAge(headers("Cache-Control", "max-age=99999999999999999999"), NOW));
    }

    @Test
    void readsQuotedMaxAge() {
        assertEquals(Duration.ofSeconds(60), ResponseTimes.maxAge(headers("Cache-Control", "max-age=\"60\""), NOW));
    }

    @Test
    void rejectsNegativeOrFractionalRetryAfter() {
        assertNull(ResponseTimes.retryAfter(headers("Retry-After", "-5"), NOW));
        assertNull(ResponseTimes.retryAfter(headers("Retry-After", "1.5"), NOW));
        assertNull(ResponseTimes.retryAfter(headers(), NOW));
    }
}
