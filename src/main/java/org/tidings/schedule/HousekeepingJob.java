package org.tidings.schedule;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily: deletes the articles past retention.days that no issue contains, then the tombstones of
 * deleted articles that no feed has listed for a month. Deleting in batches frees whole pages,
 * which H2's store reuses and compacts as it writes, and PostgreSQL's autovacuum reclaims.
 */
@DisallowConcurrentExecution
final class HousekeepingJob implements InterruptableJob {
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final ScheduledWork work;
    private final ScheduleSettings settings;
    private final StopFlag stop = new StopFlag();

    HousekeepingJob(ScheduledWork work, ScheduleSettings settings) {
        this.work = work;
        this.settings = settings;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long start = System.nanoTime();
        Instant now = work.clock().instant();
        Instant cutoff = now.minus(settings.config().retention());
        try {
            long deleted = work.retention().deleteOlderThan(cutoff, now, stop);
            long purged = work.tombstones().purge(now, stop);
            LOG.info("housekeeping: {} articles older than {} deleted, {} tombstones purged in {} ms", deleted,
                    cutoff, purged, JobTimer.millisSince(start));
        } catch (RuntimeException e) {
            LOG.error("housekeeping failed: {}", e.toString(), e);
        }
    }

    @Override
    public void interrupt() {
        stop.raise();
    }
}
