package org.tidings.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberTest {
    private static final Instant T = Instant.parse("2024-03-05T12:00:00Z");

    @Test
    void aSubscriberAlwaysHasAnAddress() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Subscriber(1, null, null,
                SubscriberStatus.ACTIVE, List.of(), "t", T, T, null));

        assertEquals("email", e.getMessage());
    }
}
