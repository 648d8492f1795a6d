package org.tidings.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.model.FeedStatus;
import org.tidings.store.FeedStore;

/**
 * {@code tidings_feeds{status}}: the feeds by status, read from the database once per scrape (one
 * query for all four gauges) so another process's changes, a {@code feeds add} beside serve,
 * show too.
 */
final class FeedGauges {
    private static final Logger LOG = LoggerFactory.getLogger(FeedGauges.class);

    private final FeedStore feeds;
    private volatile Map<FeedStatus, Long> counts = Map.of();

    FeedGauges(FeedStore feeds, MeterRegistry registry) {
        this.feeds = feeds;
        for (FeedStatus status : FeedStatus.values()) {
            Gauge.builder("tidings.feeds", this, g -> g.count(status))
                    .description("Feeds by status, as the database has them at the scrape")
                    .tag("status", status.code())
                    .register(registry);
        }
    }

    void read() {
        try {
            counts = new EnumMap<>(feeds.countByStatus());
        } catch (RuntimeException e) {
            // The JVM's meters are most useful exactly when the database is in trouble: scrape them anyway.
            LOG.warn("metrics: could not count feeds: {}", e.getMessage());
            counts = Map.of();
        }
    }

    /** NaN, Prometheus' "no value", when the database did not answer. */
    private double count(FeedStatus status) {
        Long n = counts.get(status);
        return n == null ? Double.NaN : n;
    }
}
