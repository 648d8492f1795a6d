package org.tidings.schedule;

import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The recurring jobs and how each is built: by hand, with its work, instead of Quartz's
 * reflection. A new instance per firing, so that a stop request belongs to one run.
 */
final class JobKinds implements JobFactory {
    static final String GROUP = "tidings";
    static final JobKey REFRESH = new JobKey("refresh", GROUP);
    static final JobKey NEWSLETTER = new JobKey("newsletter", GROUP);
    static final JobKey HOUSEKEEPING = new JobKey("housekeeping", GROUP);
    static final JobKey INBOUND = new JobKey("inbound", GROUP);

    private final ScheduledWork work;
    private final ScheduleSettings settings;
    private final CronCadence cadence;
    private final NewsletterJob.Retrier retrier;

    JobKinds(ScheduledWork work, ScheduleSettings settings, CronCadence cadence, NewsletterJob.Retrier retrier) {
        this.work = work;
        this.settings = settings;
        this.cadence = cadence;
        this.retrier = retrier;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> kind = bundle.getJobDetail().getJobClass();
        if (kind == RefreshJob.class) {
            return new RefreshJob(work);
        }
        if (kind == NewsletterJob.class) {
            return new NewsletterJob(work, cadence, retrier);
        }
        if (kind == HousekeepingJob.class) {
            return new HousekeepingJob(work, settings);
        }
        if (kind == InboundJob.class) {
            return new InboundJob(work);
        }
        throw new SchedulerException("No such job in Tidings: " + kind.getName());
    }
}
