package org.tidings.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code inbound.interval}: reads the bounce mailbox and acts on what came back. A mailbox
 * that cannot be read is logged and tried again at the next poll; the messages wait on the server.
 */
@DisallowConcurrentExecution
final class InboundJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(InboundJob.class);

    private final ScheduledWork work;

    InboundJob(ScheduledWork work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (work.inbound() == null) {
            return;
        }
        try {
            work.inbound().poll().run();
        } catch (RuntimeException e) {
            LOG.warn("inbound: {}", e.getMessage());
        }
    }
}
