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
        Map<Long, List<PeriodRow>> byFeed = new HashMap<>();
        for (PeriodRow r : rows) {
            byFeed.computeIfAbsent(r.feedId(), f -> new ArrayList<>()).add(r);
        }
        // Sorting each feed's few rows, then one rank at a time, sorts far less than the whole
        // period at once: with 2,000 feeds the first rank alone often fills the issue.
        byFeed.values().forEach(feed -> feed.sort(NEWEST_FIRST));
        List<Long> ids = new ArrayList<>();
        for (int rank = 0; rank < limits.perFeed() && ids.size() < limits.articles(); rank++) {
            List<PeriodRow> atRank = new ArrayList<>();
            for (List<PeriodRow> feed : byFeed.values()) {
                if (feed.size() > rank) {
                    atRank.add(feed.get(rank));
                }
            }
            if (atRank.isEmpty()) {
                break;
            }
            atRank.sort(NEWEST_FIRST);
            atRank.stream().limit(limits.articles() - ids.size()).forEach(r -> ids.add(r.id()));
        }
        return ids;
    }
}
