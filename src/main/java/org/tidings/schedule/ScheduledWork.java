package org.tidings.schedule;

import java.time.Clock;
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
 */
public record ScheduledWork(Supplier<RefreshRound> refresh, Supplier<ScheduledIssue> newsletter,
        ArticleRetention retention, TombstonePurge tombstones, Clock clock) {
}
