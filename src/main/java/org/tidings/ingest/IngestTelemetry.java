package org.tidings.ingest;

import java.time.Duration;

/**
 * What ingest tells an observer (serve's /metrics): one call per feed fetched. A port of our own,
 * so ingest never sees the metrics library.
 */
public interface IngestTelemetry {
    /** For the commands that report nothing. */
    IngestTelemetry NONE = (kind, took, added) -> { };

    /**
     * Called from ingest workers, several at once.
     *
     * @param took from the start of the request until the outcome was recorded
     * @param added articles new to the database
     */
    void fetched(FeedOutcome.Kind kind, Duration took, int added);
}
