package org.tidings.metrics;

import java.time.Duration;
import org.tidings.ingest.FeedOutcome;
import org.tidings.ingest.IngestTelemetry;
import org.tidings.newsletter.SendTelemetry;
import org.tidings.store.FeedStore;
import org.tidings.store.MailEventStore;

/**
 * One process's meters: what ingest and the newsletter report, the feeds by status and the mail
 * events by kind as the database has them, and the JVM's. serve's jobs and its web server share the one instance the
 * application opens, so /metrics shows the work of the whole process since serve started.
 *
 * <p>Nothing is measured until {@link #start()}: building the registry costs about a quarter of a
 * second, a sixth of a one-shot command's run, and only serve has anyone to show the meters to.
 */
public final class Metrics implements IngestTelemetry, SendTelemetry, AutoCloseable {
    /** Prometheus' text exposition format, the one {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final FeedStore feeds;
    private final MailEventStore mailEvents;
    private volatile Meters meters;
    /** What ingest and sending report to: nowhere until started, then the meters. */
    private volatile IngestTelemetry fetches = IngestTelemetry.NONE;
    private volatile SendTelemetry sends = SendTelemetry.NONE;

    public Metrics(FeedStore feeds, MailEventStore mailEvents) {
        this.feeds = feeds;
        this.mailEvents = mailEvents;
    }

    /** Registers the meters; what was done before is not counted. Calling it again does nothing. */
    public synchronized void start() {
        if (meters == null) {
            meters = new Meters(feeds, mailEvents);
            fetches = meters.fetches;
            sends = meters.sends;
        }
    }

    /** Every meter in Prometheus' text format; the feed counts are read from the database now. */
    public String scrape() {
        start();
        return meters.scrape();
    }

    @Override
    public void fetched(FeedOutcome.Kind kind, Duration took, int added) {
        fetches.fetched(kind, took, added);
    }

    @Override
    public void sent(Duration took) {
        sends.sent(took);
    }

    @Override
    public void failed() {
        sends.failed();
    }

    @Override
    public synchronized void close() {
        if (meters != null) {
            meters.close();
        }
    }
}
