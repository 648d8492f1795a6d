package org.tidings.parse;

import java.util.Locale;

/**
 * What a feed says about how often to poll it: RSS 2.0 ttl, else the RSS 1.0 syndication
 * module's updatePeriod / updateFrequency (frequency updates per period).
 */
final class RefreshHint {
    private RefreshHint() {
    }

    /** @return minutes between refreshes, or null when the feed says nothing usable */
    static Integer minutes(String ttl, String updatePeriod, String updateFrequency) {
        Integer fromTtl = positiveInt(ttl);
        if (fromTtl != null) {
            return fromTtl;
        }
        if (updatePeriod == null && updateFrequency == null) {
            return null;
        }
        Integer period = periodMinutes(updatePeriod);
        Integer frequency = updateFrequency == null ? Integer.valueOf(1) : positiveInt(updateFrequency);
        if (period == null || frequency == null) {
            return null;
        }
        return Math.max(1, period / frequency);
    }

    /** The syndication module says a missing period means daily. */
    private static Integer periodMinutes(String period) {
        String name = period == null ? "daily" : period.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "hourly" -> 60;
            case "daily" -> 24 * 60;
            case "weekly" -> 7 * 24 * 60;
            case "monthly" -> 30 * 24 * 60;
            case "yearly" -> 365 * 24 * 60;
            default -> null;
        };
    }

    private static Integer positiveInt(String text) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
