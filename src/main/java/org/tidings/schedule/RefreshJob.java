package org.tidings.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.ingest.RunSummary;

/** Every minute: fetches the feeds that are due. A slow round is never started twice. */
@DisallowConcurrentExecution
final class RefreshJob implements InterruptableJob {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshJob.class);

    private final ScheduledWork work;
    private final StopFlag stop = new StopFlag();

    RefreshJob(ScheduledWork work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long start = System.nanoTime();
        try {
            RunSummary summary = work.refresh().get().run(stop);
            // A round with nothing due, most minutes, would fill the log with nothing.
            if (summary.feeds() > 0) {
                LOG.info("refresh: {} in {} ms", summary.describe(), JobTimer.millisSince(start));
            } else {
                LOG.debug("refresh: no feed due");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("refresh failed after {} ms; the feeds not recorded stay due: {}", JobTimer.millisSince(start),
                    e.toString(), e);
        }
    }

    @Override
    public void interrupt() {
        stop.raise();
    }
}
