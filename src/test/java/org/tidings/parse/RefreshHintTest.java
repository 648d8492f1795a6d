package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RefreshHintTest {
    @Test
    void prefersTtl() {
        assertEquals(15, RefreshHint.minutes(" 15 ", "daily", "1"));
    }

    @Test
    void dividesSyndicationPeriodByFrequency() {
        assertEquals(30, RefreshHint.minutes(null, "hourly", "2"));
        assertEquals(1440, RefreshHint.minutes(null, null, "1"));
        assertEquals(10080, RefreshHint.minutes(null, "Weekly", null));
    }

    @Test
    void ignoresNonsense() {
        assertNull(RefreshHint.minutes(null, null, null));
        assertNull(RefreshHint.minutes("soon", "fortnightly", null));
        assertNull(RefreshHint.minutes("0", "daily", "zero"));
    }
}
