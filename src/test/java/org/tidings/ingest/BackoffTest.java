package org.tidings.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private final Backoff backoff = new Backoff(Duration.ofHours(1));

    @Test
    void successWaitsOneInterval() {
        assertEquals(NOW.plus(Duration.ofHours(1)), backoff.afterSuccess(NOW));
    }

    @Test
    void failuresDoubleTheWait() {
        assertEquals(NOW.plus(Duration.ofHours(2)), backoff.afterFailure(NOW, 1, null));
        assertEquals(NOW.plus(Duration.ofHours(4)), backoff.afterFailure(NOW, 2, null));
        assertEquals(NOW.plus(Duration.ofHours(16)), backoff.afterFailure(NOW, 4, null));
    }

    @Test
    void waitIsCappedAtOneDay() {
        assertEquals(NOW.plus(Duration.ofDays(1)), backoff.afterFailure(NOW, 5, null));
        assertEquals(NOW.plus(Duration.ofDays(1)), backoff.afterFailure(NOW, 400, null));
    }

    @Test
    void retryAfterReplacesTheBackoffWithinTheCap() {
        assertEquals(NOW.plusSeconds(120), backoff.afterFailure(NOW, 3, Duration.ofSeconds(120)));
        assertEquals(NOW.plus(Duration.ofDays(1)), backoff.afterFailure(NOW, 1, Duration.ofDays(30)));
    }
}
