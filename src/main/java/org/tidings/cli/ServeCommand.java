package org.tidings.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.Tidings;
import org.tidings.WebWiring;
import org.tidings.config.TidingsConfig;
import org.tidings.mail.InboundReader;
import org.tidings.newsletter.BounceMailboxPoll;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.schedule.Schedule;
import org.tidings.schedule.ScheduleSettings;
import org.tidings.schedule.ScheduleStatus;
import org.tidings.schedule.ScheduledWork;
import org.tidings.web.WebServer;
import org.tidings.web.WebServerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings serve}: runs the scheduled jobs and the web server until SIGTERM or Ctrl-C, then
 * lets the jobs finish their current feed or message and exits 0. Other commands keep working beside it on the same
 * data folder (H2 hands the database over to a server in the first process that opened it).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run as a service: fetch feeds when due, send the newsletter at digest.cron, clean up nightly,"
                + " serve the merged feed over HTTP on http.bind:http.port.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TidingsConfig config = root.config();
        Path dataDir = config.dataDir();
        // One serve per H2 file; on a shared PostgreSQL any number of nodes serve.
        Optional<ServeLock> lock = config.db().shared() ? Optional.of(ServeLock.none()) : ServeLock.tryAcquire(dataDir);
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println("tidings: serve is already running on data folder " + dataDir
                    + ServeLock.describeHolder(dataDir)
                    + "; stop it first (kill -TERM), or give this one another data.dir");
            return 1;
        }
        StopSignals signals = StopSignals.install();
        try (ServeLock held = lock.get(); Tidings t = root.open()) {
            new DefaultFeedList(t, spec.commandLine().getOut()).importIfEmpty();
            spec.commandLine().getOut().flush();
            // Before the jobs, so /metrics counts every fetch and message of this serve.
            t.metrics().start();
            Schedule schedule = start(t, config);
            WebServer web = startWeb(t, config, schedule);
            signals.await();
            // The web first: no request should find the scheduler half stopped.
            web.stop();
            LOG.info("stopping: no new work; waiting up to {} for running jobs", config.schedule().stopTimeout());
            boolean clean = schedule.stop(config.schedule().stopTimeout());
            LOG.info(clean ? "stopped" : "stopped with jobs still running; their unrecorded work is redone next time");
            return 0;
        }
    }

    private static WebServer startWeb(Tidings t, TidingsConfig config, Schedule schedule) {
        WebServer web = WebWiring.webServer(t, schedule::isRunning, schedule::sendIssueNow);
        try {
            web.start(config.web().bind(), config.web().port());
        } catch (WebServerException e) {
            schedule.stop(config.schedule().stopTimeout());
            throw e;
        }
        LOG.info("web: http://{}:{}/feed.atom (public.url {})", config.web().bind(), web.port(), config.publicUrl());
        return web;
    }

    /** The bounce mailbox's poll, when inbound.url is set (the configuration then has a bounce address). */
    private static ScheduledWork.Inbound inbound(Tidings t, TidingsConfig config) {
        var mailbox = config.deliverability().inbound();
        if (mailbox == null) {
            return null;
        }
        var bounce = config.deliverability().bounceAddress();
        LOG.info("inbound: polling {} every {}", mailbox.safeUrl(), mailbox.interval());
        return new ScheduledWork.Inbound(new BounceMailboxPoll(mailbox, new InboundReader(bounce), t::mailFeedback),
                mailbox.interval());
    }

    private static Schedule start(Tidings t, TidingsConfig config) {
        ScheduledWork work = new ScheduledWork(t::refreshRound, () -> new ScheduledIssue(t.newsletter()),
                t.retention(), t.tombstonePurge(), t.clock(), inbound(t, config));
        ScheduleSettings settings = ScheduleSettings.of(config.schedule(), config.digest().zone(),
                config.db().shared());
        Schedule schedule = Schedule.start(t.dataSource(), settings, work);
        try {
            if (t.issues().unfinished().isPresent()) {
                LOG.info("an issue was left unfinished: resuming it now");
                schedule.newsletterNow();
            }
            Instant next = ScheduleStatus.nextNewsletter(config.schedule().digestCron(), config.digest().zone(),
                    t.clock().instant());
            LOG.info("serving data folder {}: {} feeds; refresh every minute; newsletter at '{}' {} (next {})",
                    config.dataDir(), t.feeds().count(), config.schedule().digestCron(), config.digest().zone(), next);
            return schedule;
        } catch (RuntimeException e) {
            // The pool closes when serve returns; the jobs must not outlive it.
            schedule.stop(config.schedule().stopTimeout());
            throw e;
        }
    }
}
