package org.tidings.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz over our database: the refresh every minute, the newsletter at digest.cron and
 * housekeeping every night, with triggers and missed firings kept in the database across
 * restarts. One thread per job kind, so a long send never delays a refresh.
 */
public final class Schedule {
    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);
    /** Quartz keys every row by this name; it must stay the same from one start to the next. */
    static final String NAME = "tidings";
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();
    private static final Duration STOP_POLL = Duration.ofMillis(100);

    private final Scheduler quartz;
    private final Triggers triggers;

    private Schedule(Scheduler quartz) {
        this.quartz = quartz;
        this.triggers = new Triggers(quartz);
    }

    /**
     * Starts the jobs, with the triggers the database holds (and so a firing missed while stopped).
     *
     * @throws org.tidings.config.ConfigException when digest.cron is not a cron expression
     * @throws ScheduleException when Quartz cannot start on the database
     */
    public static Schedule start(DataSource dataSource, ScheduleSettings settings, ScheduledWork work) {
        CronCadence cadence = CronCadence.of(settings.config().digestCron(), settings.zone());
        Schedule schedule = new Schedule(create(dataSource, settings));
        try {
            schedule.quartz.setJobFactory(new JobKinds(work, settings, cadence, schedule::retryNewsletterLater));
            schedule.triggers.ensure(settings, cadence);
            schedule.quartz.start();
            return schedule;
        } catch (SchedulerException e) {
            schedule.stop(Duration.ZERO);
            throw new ScheduleException("Could not start the scheduler: " + e.getMessage(), e);
        }
    }

    private static Scheduler create(DataSource dataSource, ScheduleSettings settings) {
        String source = NAME + "-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(source, new PoolConnections(dataSource));
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(source);
        store.setTablePrefix("qrtz_");
        store.setMisfireThreshold(settings.misfireThreshold().toMillis());
        try {
            // BYTEA through getBytes: right for PostgreSQL, and for H2 in PostgreSQL mode.
            store.setDriverDelegateClass(PostgreSQLDelegate.class.getName());
            DirectSchedulerFactory factory = DirectSchedulerFactory.getInstance();
            factory.createScheduler(NAME, "NON_CLUSTERED", new SimpleThreadPool(3, Thread.NORM_PRIORITY), store);
            return factory.getScheduler(NAME);
        } catch (SchedulerException | org.quartz.impl.jdbcjobstore.InvalidConfigurationException e) {
            throw new ScheduleException("Could not create the scheduler: " + e.getMessage(), e);
        }
    }

    /** Sends an unfinished or owed issue now, outside the cron: after a stop in the middle of a send. */
    public void newsletterNow() {
        fireNewsletter(Instant.now(), Triggers.NewsletterMode.IF_OWED);
    }

    /**
     * An admin's "send now": the newsletter job fires at once and sends what is new, owed or not.
     * Through the job, so it never runs beside a scheduled send.
     */
    public void sendIssueNow() {
        fireNewsletter(Instant.now(), Triggers.NewsletterMode.SEND_NOW);
    }

    private void fireNewsletter(Instant when, Triggers.NewsletterMode mode) {
        try {
            triggers.newsletterAt(when, mode);
        } catch (SchedulerException e) {
            throw new ScheduleException("Could not fire the newsletter: " + e.getMessage(), e);
        }
    }

    private void retryNewsletterLater() {
        try {
            triggers.newsletterAt(Instant.now().plus(Triggers.RETRY_DELAY), Triggers.NewsletterMode.IF_OWED);
        } catch (SchedulerException e) {
            LOG.error("Could not schedule the newsletter retry: {}", e.getMessage(), e);
        }
    }

    public boolean isRunning() {
        try {
            return quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Takes no new work, asks running jobs to stop after their current feed or message, and waits
     * for them at most {@code timeout}.
     *
     * @return true when every job finished in time
     */
    public boolean stop(Duration timeout) {
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            LOG.warn("Could not pause the scheduler: {}", e.getMessage());
        }
        Thread shutdown = new Thread(() -> shutdownWaiting(), "scheduler-stop");
        shutdown.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            do {
                askRunningJobsToStop();
                shutdown.join(STOP_POLL.toMillis());
            } while (shutdown.isAlive() && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !shutdown.isAlive();
    }

    private void shutdownWaiting() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Could not shut the scheduler down: {}", e.getMessage());
        }
    }

    /** Asked again at each poll: a job that started just as the scheduler paused is asked too. */
    private void askRunningJobsToStop() {
        try {
            for (JobExecutionContext running : quartz.getCurrentlyExecutingJobs()) {
                if (running.getJobInstance() instanceof org.quartz.InterruptableJob) {
                    quartz.interrupt(running.getFireInstanceId());
                }
            }
        } catch (SchedulerException e) {
            LOG.debug("Could not ask the running jobs to stop: {}", e.getMessage());
        }
    }
}
