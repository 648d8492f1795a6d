package org.tidings.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.tidings.Tidings;
import org.tidings.config.ScheduleConfig;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.schedule.Schedule;
import org.tidings.schedule.ScheduleSettings;
import org.tidings.schedule.ScheduledWork;

/**
 * One refresh round as {@code serve} runs it: Quartz started on the database, its refresh trigger
 * firing at once, the job fetching every due feed, then a stop. The job body is timed from both
 * ends without touching the job: its start when it asks for its {@code RefreshRound}, its end when
 * it writes its one "refresh: ... in N ms" line, caught by an appender on its logger.
 */
final class ScheduledRound {
    private static final String JOB_LOGGER = "org.tidings.schedule.RefreshJob";
    /** An hour apart, so the one firing at start is the only one in the round. */
    private static final Duration EVERY = Duration.ofHours(1);

    /** Seconds from just before {@code Schedule.start}. */
    record Times(double started, double bodyStart, double bodyEnd, double stop, String jobLine) {
        /** The round as a reader of the feeds sees it: from starting the scheduler to the last feed stored. */
        double wall() {
            return bodyEnd;
        }

        double body() {
            return bodyEnd - bodyStart;
        }
    }

    private ScheduledRound() {
    }

    static Times run(Tidings t) throws Exception {
        forgetRefreshTrigger(t);
        JobEnd end = new JobEnd();
        Logger log = (Logger) LoggerFactory.getLogger(JOB_LOGGER);
        log.setLevel(Level.INFO);
        log.setAdditive(false);
        log.addAppender(end);
        end.start();
        long[] bodyStart = new long[1];
        ScheduledWork work = new ScheduledWork(() -> {
            bodyStart[0] = System.nanoTime();
            return t.refreshRound();
        }, () -> new ScheduledIssue(t.newsletter()), t.retention(), t.tombstonePurge(), t.clock());
        ScheduleSettings settings = new ScheduleSettings(ScheduleConfig.defaults(), ZoneOffset.UTC, EVERY,
                Duration.ofMinutes(1));
        try {
            long t0 = System.nanoTime();
            Schedule schedule = Schedule.start(t.dataSource(), settings, work);
            long started = System.nanoTime();
            boolean finished = end.done.await(1, TimeUnit.HOURS);
            long bodyEnd = end.at;
            boolean clean = schedule.stop(Duration.ofMinutes(1));
            long stopped = System.nanoTime();
            if (!finished || !clean || !end.line.startsWith("refresh: ")) {
                throw new IllegalStateException("the scheduled round did not finish cleanly: " + end.line);
            }
            return new Times(secs(started - t0), secs(bodyStart[0] - t0), secs(bodyEnd - t0),
                    secs(stopped - bodyEnd), end.line);
        } finally {
            log.detachAppender(end);
            end.stop();
        }
    }

    /**
     * The trigger is kept in the database with its next firing an hour after the last round;
     * without it, the next start places it afresh and it fires at once, as on serve's first start.
     */
    private static void forgetRefreshTrigger(Tidings t) throws SQLException {
        try (Connection c = t.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM qrtz_simple_triggers WHERE trigger_name = 'refresh'");
            s.executeUpdate("DELETE FROM qrtz_triggers WHERE trigger_name = 'refresh'");
        }
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    /** Notes when the job logs its end, on the job's own thread: the moment its body returns. */
    private static final class JobEnd extends AppenderBase<ILoggingEvent> {
        final CountDownLatch done = new CountDownLatch(1);
        volatile long at;
        volatile String line = "";

        @Override
        protected void append(ILoggingEvent event) {
            at = System.nanoTime();
            line = event.getFormattedMessage();
            done.countDown();
        }
    }
}
