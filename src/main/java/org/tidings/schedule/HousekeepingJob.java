package org.tidings.schedule;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily: deletes the articles past retention.days that no issue contains. Deleting in batches
 * frees whole pages, which H2's store reuses and compacts as it writes, and PostgreSQL's
 * autovacuum reclaims.
 */
@DisallowConcurrentExecution
final class HousekeepingJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final ScheduledWork work;
    private final ScheduleSettings settings;

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
            long deleted = work.retention().deleteOlderThan(cutoff, now);
            LOG.info("housekeeping: {} articles older than {} deleted in {} ms", deleted, cutoff,
                    JobTimer.millisSince(start));
        } catch (RuntimeException e) {
            LOG.error("housekeeping failed: {}", e.toString(), e);
        }
    }
}
