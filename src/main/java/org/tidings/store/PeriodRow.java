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

    /**
     * The ids an issue takes, fairly across feeds: every feed's newest article comes before any
     * feed's second, and so on, newest first within a rank, until {@code limits.articles()}; never
     * more than {@code limits.perFeed()} of one feed. A busy feed cannot crowd out a quiet one.
     */
    static List<Long> chosen(List<PeriodRow> rows, PeriodLimits limits) {
        Map<Long, Integer> taken = new HashMap<>();
        List<Ranked> ranked = new ArrayList<>();
        for (PeriodRow r : rows.stream().sorted(NEWEST_FIRST).toList()) {
            int rank = taken.merge(r.feedId(), 1, Integer::sum);
            if (rank <= limits.perFeed()) {
                ranked.add(new Ranked(rank, r));
            }
        }
        return ranked.stream().sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::row, NEWEST_FIRST))
                .limit(limits.articles()).map(k -> k.row().id()).toList();
    }

    /** A row and its place among its feed's rows of the period, 1 for the newest. */
    private record Ranked(int rank, PeriodRow row) {
    }
}
