package org.tidings.schedule;

import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.mail.MailUnavailableException;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.newsletter.SendReport;

/**
 * At digest.cron: sends the issue owed for this time, once. When the mail server cannot be
 * reached, what was not sent stays pending and the job is fired again a few minutes later.
 */
@DisallowConcurrentExecution
final class NewsletterJob implements InterruptableJob {
    private static final Logger LOG = LoggerFactory.getLogger(NewsletterJob.class);

    private final ScheduledWork work;
    private final CronCadence cadence;
    private final Retrier retrier;
    /** Set on a one-off firing: send even when no issue is owed (an admin's "send now"). */
    static final String SEND_NOW = "sendNow";

    private final StopFlag stop = new StopFlag();

    /** Fires the newsletter job again after a failure. */
    @FunctionalInterface
    interface Retrier {
        void retryLater();
    }

    NewsletterJob(ScheduledWork work, CronCadence cadence, Retrier retrier) {
        this.work = work;
        this.cadence = cadence;
        this.retrier = retrier;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long start = System.nanoTime();
        try {
            ScheduledIssue newsletter = work.newsletter().get();
            List<SendReport> reports = context.getMergedJobDataMap().getBooleanValue(SEND_NOW)
                    ? List.of(newsletter.sendNow(stop)) : newsletter.sendIfOwed(cadence, stop);
            if (reports.isEmpty()) {
                LOG.info("newsletter: no issue owed (the latest one was built after the last scheduled time)");
            }
            for (SendReport r : reports) {
                LOG.info("newsletter: {} in {} ms", r.describe(), JobTimer.millisSince(start));
            }
        } catch (MailUnavailableException e) {
            LOG.warn("newsletter: {}; messages not sent stay pending and are tried again in a few minutes",
                    e.getMessage());
            retrier.retryLater();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("newsletter failed after {} ms: {}", JobTimer.millisSince(start), e.toString(), e);
            retrier.retryLater();
        }
    }

    @Override
    public void interrupt() {
        stop.raise();
    }
}
