package org.tidings.schedule;

import java.util.function.BooleanSupplier;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.mail.MailUnavailableException;
import org.tidings.newsletter.SendReport;

/**
 * On every node of a cluster, every few seconds: helps send the unfinished issue, if one is being
 * sent, claiming its share of the deliveries. Builds no issue: that is the newsletter job's, which
 * fires on one node. Not while that job runs in this process, whose send already takes this node's
 * share.
 */
final class HelpSendJob implements InterruptableJob {
    private static final Logger LOG = LoggerFactory.getLogger(HelpSendJob.class);

    private final ScheduledWork work;
    private final BooleanSupplier newsletterRunsHere;
    private final StopFlag stop = new StopFlag();

    HelpSendJob(ScheduledWork work, BooleanSupplier newsletterRunsHere) {
        this.work = work;
        this.newsletterRunsHere = newsletterRunsHere;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (newsletterRunsHere.getAsBoolean()) {
            return;
        }
        long start = System.nanoTime();
        try {
            SendReport r = work.newsletter().get().helpSend(() -> stop.getAsBoolean()
                    || newsletterRunsHere.getAsBoolean());
            if (r.issueNumber() > 0) {
                LOG.info("newsletter, helping: {} in {} ms", r.describe(), JobTimer.millisSince(start));
            }
        } catch (MailUnavailableException e) {
            LOG.warn("newsletter, helping: {}; this node's messages stay pending for the next try", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void interrupt() {
        stop.raise();
    }
}
