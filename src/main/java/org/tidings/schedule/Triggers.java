package org.tidings.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The persistent triggers, made to match the configuration at each start. A trigger that already
 * matches is left alone: it carries the missed firing that must be caught up on this start.
 */
final class Triggers {
    /** Housekeeping runs at night, in digest.zone, when nobody is reading. */
    static final String HOUSEKEEPING_CRON = "0 30 3 * * ?";
    static final Duration RETRY_DELAY = Duration.ofMinutes(5);

    private static final TriggerKey REFRESH = TriggerKey.triggerKey("refresh", JobKinds.GROUP);
    private static final TriggerKey NEWSLETTER = TriggerKey.triggerKey("newsletter", JobKinds.GROUP);
    private static final TriggerKey HOUSEKEEPING = TriggerKey.triggerKey("housekeeping", JobKinds.GROUP);
    private static final TriggerKey INBOUND = TriggerKey.triggerKey("inbound", JobKinds.GROUP);
    static final TriggerKey NEWSLETTER_NOW = TriggerKey.triggerKey("newsletter-now", JobKinds.GROUP);
    /** Its own key: a retry or a resume must not replace an admin's waiting "send now". */
    private static final TriggerKey NEWSLETTER_RETRY = TriggerKey.triggerKey("newsletter-retry", JobKinds.GROUP);

    private final Scheduler quartz;

    Triggers(Scheduler quartz) {
        this.quartz = quartz;
    }

    void ensure(ScheduleSettings settings, CronCadence cadence, ScheduledWork.Inbound inbound)
            throws SchedulerException {
        job(JobKinds.REFRESH, RefreshJob.class, "fetches the feeds that are due");
        job(JobKinds.NEWSLETTER, NewsletterJob.class, "sends the issue owed at digest.cron");
        job(JobKinds.HOUSEKEEPING, HousekeepingJob.class,
                "deletes articles past retention.days and unlisted tombstones");
        if (settings.clustered()) {
            // Every node refreshes on its own timer (NodeRefresh); a clustered trigger would pick one.
            quartz.unscheduleJob(REFRESH);
        } else {
            placeRefresh(settings);
        }
        // A newsletter missed while Tidings was down goes out once, now; never once per missed week.
        place(cron(NEWSLETTER, JobKinds.NEWSLETTER, cadence.expression(), cadence));
        place(cron(HOUSEKEEPING, JobKinds.HOUSEKEEPING, HOUSEKEEPING_CRON, cadence));
        placeInbound(inbound);
    }

    /** The bounce mailbox's poll, or none when inbound.url was removed from the settings. */
    private void placeInbound(ScheduledWork.Inbound inbound) throws SchedulerException {
        job(JobKinds.INBOUND, InboundJob.class, "reads bounces, complaints and unsubscribes from inbound.url");
        if (inbound == null) {
            quartz.unscheduleJob(INBOUND);
            return;
        }
        // Polls missed while stopped are not worth several: the next one reads everything waiting.
        place(TriggerBuilder.newTrigger().withIdentity(INBOUND).forJob(JobKinds.INBOUND).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(inbound.every().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    private void placeRefresh(ScheduleSettings settings) throws SchedulerException {
        // A refresh missed while Tidings was down is not worth several: the next one fetches all that is due.
        place(TriggerBuilder.newTrigger().withIdentity(REFRESH).forJob(JobKinds.REFRESH).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.refreshEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    /**
     * Fires the newsletter job once at {@code when}, replacing an earlier request of the same mode.
     *
     * @param mode whether that firing sends only an owed issue, or whatever is new
     */
    void newsletterAt(Instant when, NewsletterMode mode) throws SchedulerException {
        TriggerKey key = mode == NewsletterMode.SEND_NOW ? NEWSLETTER_NOW : NEWSLETTER_RETRY;
        Trigger once = TriggerBuilder.newTrigger().withIdentity(key).forJob(JobKinds.NEWSLETTER)
                .usingJobData(NewsletterJob.SEND_NOW, mode == NewsletterMode.SEND_NOW)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        if (quartz.checkExists(key)) {
            quartz.rescheduleJob(key, once);
        } else {
            quartz.scheduleJob(once);
        }
    }

    /** What a one-off firing of the newsletter job does. */
    enum NewsletterMode {
        /** Finish an unfinished issue, and send the owed one if any: a resume or a retry. */
        IF_OWED,
        /** Finish an unfinished issue, else send what is new now: an admin's request. */
        SEND_NOW
    }

    private void job(JobKey key, Class<? extends Job> kind, String description) throws SchedulerException {
        // Recovery: when a clustered node dies in the middle of a job, another node runs it again.
        // Every job is safe to run twice (the ledger sends each message once).
        quartz.addJob(JobBuilder.newJob(kind).withIdentity(key).withDescription(description).storeDurably()
                .requestRecovery(true).build(), true);
    }

    private static Trigger cron(TriggerKey key, JobKey job, String expression, CronCadence cadence) {
        return TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).inTimeZone(cadence.timeZone())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    private void place(Trigger wanted) throws SchedulerException {
        Trigger existing = quartz.getTrigger(wanted.getKey());
        if (existing == null) {
            try {
                quartz.scheduleJob(wanted);
                return;
            } catch (ObjectAlreadyExistsException e) {
                // Nodes starting at once on a new database: another one stored it a moment ago.
                existing = quartz.getTrigger(wanted.getKey());
            }
        }
        if (!sameSchedule(existing, wanted)) {
            quartz.rescheduleJob(wanted.getKey(), wanted);
        }
    }

    private static boolean sameSchedule(Trigger a, Trigger b) {
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression())
                    && ca.getTimeZone().getID().equals(cb.getTimeZone().getID());
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval()
                    && sa.getRepeatCount() == sb.getRepeatCount()
                    && Objects.equals(sa.getJobKey(), sb.getJobKey());
        }
        return false;
    }
}
