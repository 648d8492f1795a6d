package org.tidings.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.tidings.ingest.FeedOutcome;
import org.tidings.ingest.IngestTelemetry;

/**
 * {@code tidings_fetches_total{outcome}}, {@code tidings_fetch_duration_seconds{outcome}} and
 * {@code tidings_articles_ingested_total}. Every outcome is registered at start, so a series
 * reads 0 rather than missing before its first fetch.
 */
final class FetchMeters implements IngestTelemetry {
    private final Map<FeedOutcome.Kind, Counter> fetches = new EnumMap<>(FeedOutcome.Kind.class);
    private final Map<FeedOutcome.Kind, Timer> durations = new EnumMap<>(FeedOutcome.Kind.class);
    private final Counter articles;

    FetchMeters(MeterRegistry registry) {
        for (FeedOutcome.Kind kind : FeedOutcome.Kind.values()) {
            String outcome = kind.name().toLowerCase(Locale.ROOT);
            fetches.put(kind, Counter.builder("tidings.fetches")
                    .description("Feed fetches by outcome: fetched, not_modified, failed, gone")
                    .tag("outcome", outcome)
                    .register(registry));
            durations.put(kind, Timer.builder("tidings.fetch.duration")
                    .description("One feed: the request, then parsing and storing what it brought")
                    .tag("outcome", outcome)
                    .register(registry));
        }
        articles = Counter.builder("tidings.articles.ingested")
                .description("Articles new to the database")
                .register(registry);
    }

    @Override
    public void fetched(FeedOutcome.Kind kind, Duration took, int added) {
        fetches.get(kind).increment();
        durations.get(kind).record(took);
        articles.increment(added);
    }
}
