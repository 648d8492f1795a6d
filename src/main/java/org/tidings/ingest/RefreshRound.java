package org.tidings.ingest;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tidings.model.Feed;
import org.tidings.store.FeedStore;

/**
 * One scheduled refresh: the feeds whose next fetch time has come, fetched under the run's
 * concurrency and per-host limits. Which feeds are due is the database's answer, not memory's, so
 * a restart (or, later, another node) picks up exactly where the last round left off.
 */
public final class RefreshRound {
    private final FeedStore feeds;
    private final IngestRun run;
    private final Clock clock;

    public RefreshRound(FeedStore feeds, IngestRun run, Clock clock) {
        this.feeds = feeds;
        this.run = run;
        this.clock = clock;
    }

    /** @param stopRequested once true, no further feed is started; the rest stay due */
    public RunSummary run(BooleanSupplier stopRequested) throws InterruptedException {
        List<Feed> due = feeds.due(clock.instant());
        return run.run(due, outcome -> { }, stopRequested);
    }
}
