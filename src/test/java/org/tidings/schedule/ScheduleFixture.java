package org.tidings.schedule;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.tidings.TestClock;
import org.tidings.TestDatabase;
import org.tidings.TestSmtp;
import org.tidings.Tidings;
import org.tidings.config.ScheduleConfig;
import org.tidings.model.EmailAddress;
import org.tidings.model.Entry;
import org.tidings.model.FeedStatus;
import org.tidings.model.SubscriberStatus;
import org.tidings.newsletter.NewsletterParts;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.store.NewFeed;
import org.tidings.store.NewSubscriber;

/**
 * Real Quartz on H2 with the real migrations, and SMTP to GreenMail. Quartz fires on the real
 * clock, but what a firing does (which feeds are due, whether an issue is owed) reads the test's
 * clock, which only the test moves. Tests wait for events (a job run, a firing's end, a message),
 * never for a length of time, so a slow machine makes them slower, not red.
 */
final class ScheduleFixture implements AutoCloseable {
    static final Duration MISFIRE_THRESHOLD = Duration.ofMillis(500);
    /** A Tuesday: a test that moves the clock by minutes never crosses the Monday-morning issue. */
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final AtomicInteger FIRINGS = new AtomicInteger();

    final TestClock clock = new TestClock(NOW);
    final Tidings tidings;
    final HeldMailer mailer;
    private final AtomicInteger refreshRuns = new AtomicInteger();
    private final AtomicInteger newsletterRuns = new AtomicInteger();
    private volatile Schedule schedule;

    ScheduleFixture(Path dir, int smtpPort, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(TestSmtp.settings(smtpPort));
        env.putAll(extra);
        tidings = TestDatabase.tidings(dir, env, clock);
        mailer = new HeldMailer(tidings.newsletter().mailer(), () -> schedule == null || !schedule.isRunning());
    }

    Schedule start(String cron, Duration refreshEvery) {
        return start(cron, refreshEvery, null);
    }

    Schedule start(String cron, Duration refreshEvery, ScheduledWork.Inbound inbound) {
        ScheduleSettings settings = new ScheduleSettings(new ScheduleConfig(cron, Duration.ofDays(90),
                Duration.ofSeconds(20)), ZoneOffset.UTC, refreshEvery, MISFIRE_THRESHOLD);
        ScheduledWork work = new ScheduledWork(() -> {
            refreshRuns.incrementAndGet();
            return tidings.refreshRound();
        }, () -> {
            newsletterRuns.incrementAndGet();
            return new ScheduledIssue(withHeldMailer(tidings.newsletter()));
        }, tidings.retention(), tidings.tombstonePurge(), tidings.clock(), inbound);
        schedule = Schedule.start(tidings.dataSource(), settings, work);
        return schedule;
    }

    private NewsletterParts withHeldMailer(NewsletterParts p) {
        return p.withMailer(mailer);
    }

    /** Stops the running schedule, as serve does on SIGTERM. */
    boolean stop() {
        boolean clean = schedule.stop(Duration.ofSeconds(20));
        schedule = null;
        if (!clean) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                dump.append('\n').append(t.getName()).append(' ').append(t.getState());
                for (StackTraceElement e : stack) {
                    dump.append("\n    at ").append(e);
                }
            });
            throw new AssertionError("the schedule did not stop within 20 s; threads:" + dump);
        }
        return clean;
    }

    /** Refresh jobs started so far. The job never runs twice at once, so a start means the one before it ended. */
    int refreshRuns() {
        return refreshRuns.get();
    }

    /** Newsletter jobs started so far; as {@link #refreshRuns}, one at a time. */
    int newsletterRuns() {
        return newsletterRuns.get();
    }

    /** Fires the job through Quartz now, beside its own trigger, as a one-off firing of our own. */
    TriggerKey fire(JobKey job) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey("test-firing-" + FIRINGS.incrementAndGet(), JobKinds.GROUP);
        quartz().scheduleJob(TriggerBuilder.newTrigger().withIdentity(key).forJob(job).startNow().build());
        return key;
    }

    /**
     * Quartz's state of a stored trigger, lower-cased ("waiting", "blocked"...), or "gone": Quartz
     * deletes a one-off trigger once the job it fired has ended.
     */
    String state(String triggerName) {
        return stored(triggerName).map(JobTimes::state).orElse("gone");
    }

    /** Waits until the one-off firing has run and its job has ended. */
    void awaitEnd(String triggerName) throws Exception {
        await(Duration.ofSeconds(60), "the end of the job fired by " + triggerName,
                () -> state(triggerName).equals("gone"));
    }

    /** When the stored trigger fires next: null when it never will (or is gone). */
    Instant nextFiring(String triggerName) {
        return stored(triggerName).map(JobTimes::next).orElse(null);
    }

    private Optional<JobTimes> stored(String triggerName) {
        return ScheduleStatus.triggers(tidings.dataSource()).stream().filter(t -> t.name().equals(triggerName))
                .findFirst();
    }

    /**
     * Rewrites when a stopped schedule's stored trigger fires next, as if that time had passed
     * while Tidings was down: Quartz keeps it in milliseconds of the real clock.
     */
    void passFiringWhileStopped(String triggerName, Instant at) throws SQLException {
        try (Connection c = tidings.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE qrtz_triggers SET next_fire_time = ? WHERE sched_name = ? AND trigger_name = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, Schedule.NAME);
            ps.setString(3, triggerName);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no stored trigger " + triggerName);
            }
        }
    }

    private static Scheduler quartz() throws SchedulerException {
        return SchedulerRepository.getInstance().lookup(Schedule.NAME);
    }

    void subscribers(int count) {
        for (int i = 0; i < count; i++) {
            tidings.subscribers().add(new NewSubscriber(EmailAddress.parse("reader" + i + "@example.org"), null,
                    List.of(), SubscriberStatus.ACTIVE), clock.instant());
        }
    }

    /**
     * A feed with one article first seen now; then the clock moves on a minute, so the article is
     * in the period of the next issue built. The feed is paused: its made-up URL must not keep
     * the refresh job (and so a stop) waiting on a DNS lookup.
     */
    void article(String feed, String title) {
        URI url = URI.create("https://" + feed + ".example/feed");
        tidings.feeds().addIfAbsent(new NewFeed(url, feed, null, "News"), clock.instant());
        long id = tidings.feeds().findByUrl(url).orElseThrow().id();
        tidings.feeds().setStatus(id, FeedStatus.PAUSED);
        tidings.articles().save(id, List.of(new Entry(feed + "-" + title, URI.create("https://example.org/" + title),
                title, List.of("Ana Núñez"), clock.instant().minusSeconds(60), null, "Résumé",
                "<p>" + title + "</p>", List.of())), clock.instant());
        clock.advance(Duration.ofMinutes(1));
    }

    /**
     * Waits for a condition the scheduler makes true by itself; fails the test after {@code limit},
     * a bound on a hung test, far beyond what any run takes.
     */
    static void await(Duration limit, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + limit + " for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean done() throws Exception;
    }

    @Override
    public void close() {
        if (schedule != null) {
            stop();
        }
        tidings.close();
    }
}
