package org.tidings.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.model.InboundKind;
import org.tidings.store.MailEventStore;

/**
 * {@code tidings_mail_events_total{kind}}: bounces, complaints and unsubscribes by mail recorded,
 * read from the database's totals once per scrape, so that reports taken in by another process (the
 * {@code inbound} pipe command, another serve node) count too.
 */
final class MailEventMeters {
    private static final Logger LOG = LoggerFactory.getLogger(MailEventMeters.class);

    private final MailEventStore events;
    private volatile Map<InboundKind, Long> totals = Map.of();

    MailEventMeters(MailEventStore events, MeterRegistry registry) {
        this.events = events;
        for (InboundKind kind : InboundKind.values()) {
            FunctionCounter.builder("tidings.mail.events", this, m -> m.total(kind))
                    .description("Messages read back from the bounce address by kind, as the database has them:"
                            + " bounces, complaints and unsubscribes acted on; other = left alone")
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    void read() {
        try {
            totals = events.totals();
        } catch (RuntimeException e) {
            LOG.warn("metrics: could not count mail events: {}", e.getMessage());
            totals = Map.of();
        }
    }

    /** NaN, Prometheus' "no value", when the database did not answer. */
    private double total(InboundKind kind) {
        Long n = totals.get(kind);
        return n == null ? Double.NaN : n;
    }
}
