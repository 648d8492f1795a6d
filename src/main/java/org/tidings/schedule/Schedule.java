package org.tidings.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.tidings.model.NodeId;

/**
 * Quartz over our database: the refresh every minute, the newsletter at digest.cron and
 * housekeeping every night, with triggers and missed firings kept in the database across
 * restarts. One thread per job kind, so a long send never delays a refresh.
 *
 * <p>On a shared PostgreSQL Quartz runs clustered and keeps only the singletons (the newsletter
 * and housekeeping fire on one node); the refresh runs on every node's own timer, because due
 * feeds are claimed in the database and every live node should fetch.
 */
public final class Schedule {
    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);
    /** Quartz keys every row by this name; it must stay the same from one start to the next. */
    static final String NAME = "tidings";
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();
    private static final Duration STOP_POLL = Duration.ofMillis(100);
    /** How often a clustered node checks in; a node silent for about twice this is taken for dead. */
    static final Duration CHECKIN = Duration.ofSeconds(5);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(5);
    /** How soon a node joins the sending of an issue another node's newsletter job built. */
    private static final Duration HELP_SEND_EVERY = Duration.ofSeconds(5);

    private final Scheduler quartz;
    private final Triggers triggers;
    /** On a clustered database only: this node's own refresh, and its help with an unfinished issue. */
    private final List<NodeLoop> nodeLoops = new ArrayList<>();

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
        if (settings.clustered()) {
            schedule.nodeLoops.add(new NodeLoop("node-refresh", settings.refreshEvery(), () -> new RefreshJob(work)));
            schedule.nodeLoops.add(new NodeLoop("node-send", HELP_SEND_EVERY,
                    () -> new HelpSendJob(work, schedule::newsletterRunsHere)));
        }
        try {
            schedule.quartz.setJobFactory(new JobKinds(work, settings, cadence, schedule::retryNewsletterLater));
            schedule.triggers.ensure(settings, cadence, work.inbound());
            schedule.quartz.start();
            schedule.nodeLoops.forEach(NodeLoop::start);
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
        String instance = "NON_CLUSTERED";
        if (settings.clustered()) {
            // Several nodes on one PostgreSQL: a trigger fires on one node, and a node whose
            // check-ins stop has its running jobs recovered by another. Acquiring within the lock
            // keeps two nodes from taking the same trigger (quartz-scheduler/quartz #647).
            store.setIsClustered(true);
            store.setClusterCheckinInterval(CHECKIN.toMillis());
            store.setAcquireTriggersWithinLock(true);
            instance = NodeId.self().value();
        }
        try {
            // BYTEA through getBytes: right for PostgreSQL, and for H2 in PostgreSQL mode.
            store.setDriverDelegateClass(PostgreSQLDelegate.class.getName());
            DirectSchedulerFactory factory = DirectSchedulerFactory.getInstance();
            // A trigger stored by another process (digest send beside serve) is seen within the idle wait.
            factory.createScheduler(NAME, instance, new SimpleThreadPool(3, Thread.NORM_PRIORITY), store, null, 0,
                    IDLE_WAIT.toMillis(), -1);
            return factory.getScheduler(NAME);
        } catch (SchedulerException | org.quartz.impl.jdbcjobstore.InvalidConfigurationException e) {
            throw new ScheduleException("Could not create the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Asks whichever serve runs on this database to send now, as an admin's "send now" does: the
     * firing is stored in Quartz's tables, and a running node's scheduler takes it within its idle
     * wait. For {@code digest send} beside running nodes; nothing runs in this process.
     */
    public static void requestIssueNow(DataSource dataSource, ScheduleSettings settings) {
        Scheduler client = create(dataSource, settings);
        try {
            new Triggers(client).newsletterAt(Instant.now(), Triggers.NewsletterMode.SEND_NOW);
        } catch (SchedulerException e) {
            throw new ScheduleException("Could not ask serve to send the newsletter: " + e.getMessage(), e);
        } finally {
            try {
                client.shutdown(false);
            } catch (SchedulerException e) {
                LOG.debug("Could not close the scheduler client: {}", e.getMessage());
            }
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

    /** Whether this process runs the newsletter job now: then its job sends, and no helper beside it. */
    private boolean newsletterRunsHere() {
        try {
            return quartz.getCurrentlyExecutingJobs().stream()
                    .anyMatch(j -> j.getJobDetail().getKey().equals(JobKinds.NEWSLETTER));
        } catch (SchedulerException e) {
            return false;
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
        nodeLoops.forEach(NodeLoop::stopTaking);
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
        boolean loopsDone = nodeLoops.stream().allMatch(loop -> loop.awaitStopped(deadline));
        return !shutdown.isAlive() && loopsDone;
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
