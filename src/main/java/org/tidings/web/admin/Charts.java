package org.tidings.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tidings.model.FeedStatus;

/**
 * The dashboard's two bar charts as numbers for an inline SVG template: no script and no inline
 * style (the CSP forbids both), only SVG geometry attributes and CSS classes. Each chart also
 * carries its data as text, for screen readers and for anyone who wants the exact figures.
 */
final class Charts {
    static final int DAYS = 30;
    private static final int DAY_SLOT = 20;
    private static final int DAY_BAR = 16;
    private static final int PLOT_HEIGHT = 120;
    private static final int LABEL_WIDTH = 80;
    private static final int HEALTH_ROW = 28;
    private static final int HEALTH_BAR_MAX = 260;

    private Charts() {
    }

    /** A bar: SVG numbers as text (a dot decimal, whatever the server's locale), and what it shows. */
    record Bar(String x, String y, String width, String height, String label, long count, String cssClass) {
    }

    /** One chart: its bars, its size and a one-line summary for its title. */
    record Chart(List<Bar> bars, int width, int height, String summary) {
    }

    /** Articles first seen per day, the last {@link #DAYS} days up to {@code today} in {@code zone}. */
    static Chart articlesPerDay(List<Instant> firstSeen, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(DAYS - 1);
        long[] counts = new long[DAYS];
        for (Instant t : firstSeen) {
            int day = (int) (t.atZone(zone).toLocalDate().toEpochDay() - first.toEpochDay());
            if (day >= 0 && day < DAYS) {
                counts[day]++;
            }
        }
        long max = Math.max(1, java.util.Arrays.stream(counts).max().orElse(0));
        long total = java.util.Arrays.stream(counts).sum();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            double h = (double) PLOT_HEIGHT * counts[i] / max;
            bars.add(new Bar(num(i * DAY_SLOT + (DAY_SLOT - DAY_BAR) / 2.0), num(PLOT_HEIGHT - h), num(DAY_BAR), num(h),
                    first.plusDays(i) + ": " + counts[i] + (counts[i] == 1 ? " article" : " articles"), counts[i],
                    "bar"));
        }
        return new Chart(bars, DAYS * DAY_SLOT, PLOT_HEIGHT, total + " articles in the last " + DAYS + " days, from "
                + first + " to " + today + "; at most " + max + " in one day");
    }

    /** Feeds per status, one horizontal bar each, in the status order of {@link FeedStatus}. */
    static Chart feedsByHealth(Map<FeedStatus, Long> counts) {
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int row = 0;
        for (FeedStatus status : FeedStatus.values()) {
            long n = counts.getOrDefault(status, 0L);
            double w = (double) HEALTH_BAR_MAX * n / max;
            bars.add(new Bar(num(LABEL_WIDTH), num(row * HEALTH_ROW + 4), num(w), num(HEALTH_ROW - 8),
                    status.code(), n, "status-" + status.code()));
            parts.add(n + " " + status.code());
            row++;
        }
        return new Chart(bars, LABEL_WIDTH + HEALTH_BAR_MAX + 60, row * HEALTH_ROW, "Feeds by health: "
                + String.join(", ", parts));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
