package org.tidings.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.tidings.store.FeedStore;
import org.tidings.store.MailEventStore;

/** The registry with every meter registered: ours, and the JVM's memory, GC, threads, CPU and uptime. */
final class Meters implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final FeedGauges feeds;
    private final MailEventMeters mailEvents;
    final FetchMeters fetches;
    final SendMeters sends;

    Meters(FeedStore feeds, MailEventStore mailEvents) {
        this.feeds = new FeedGauges(feeds, registry);
        this.mailEvents = new MailEventMeters(mailEvents, registry);
        this.fetches = new FetchMeters(registry);
        this.sends = new SendMeters(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    String scrape() {
        feeds.read();
        mailEvents.read();
        return registry.scrape();
    }

    /** Stops listening for garbage collections. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
