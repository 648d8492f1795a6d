package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An article of an issue's period, by what chooses it: its feed and date. */
record PeriodRow(long id, long feedId, Instant publishedAt) {
    private static final Comparator<PeriodRow> NEWEST_FIRST = Comparator.comparing(PeriodRow::publishedAt)
            .thenComparingLong(PeriodRow::id).reversed();

    /** The ids of each feed's {@code perFeed} newest rows, the order the digest uses. */
    static List<Long> newestPerFeed(List<PeriodRow> rows, int perFeed) {
        Map<Long, Integer> taken = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (PeriodRow r : rows.stream().sorted(NEWEST_FIRST).toList()) {
            if (taken.merge(r.feedId(), 1, Integer::sum) <= perFeed) {
                ids.add(r.id());
            }
        }
        return ids;
    }
}
