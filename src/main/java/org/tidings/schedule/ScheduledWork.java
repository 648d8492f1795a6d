package org.tidings.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.tidings.ingest.RefreshRound;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.store.ArticleRetention;
import org.tidings.store.TombstonePurge;

/**
 * What the jobs call: the ingest and newsletter code, unchanged by being scheduled.
 *
 * @param newsletter a supplier, because the templates are compiled on first use and a broken one
 *     must fail the newsletter job, not the start of the whole service
 * @param inbound the bounce mailbox's polling, or null when {@code inbound.url} is not set
 */
public record ScheduledWork(Supplier<RefreshRound> refresh, Supplier<ScheduledIssue> newsletter,
        ArticleRetention retention, TombstonePurge tombstones, Clock clock, Inbound inbound) {

    public ScheduledWork(Supplier<RefreshRound> refresh, Supplier<ScheduledIssue> newsletter,
            ArticleRetention retention, TombstonePurge tombstones, Clock clock) {
        this(refresh, newsletter, retention, tombstones, clock, null);
    }

    /**
     * One poll of the bounce mailbox, every {@code every}: on one node of a cluster at a time, so
     * two nodes never move the same message.
     *
     * @param poll reads what came back and acts on it; logs its own counts, and throws only when
     *     the mailbox could not be read (the next poll tries again)
     */
    public record Inbound(Runnable poll, Duration every) {
    }
}
