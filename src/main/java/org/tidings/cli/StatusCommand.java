package org.tidings.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.config.TidingsConfig;
import org.tidings.model.FeedStatus;
import org.tidings.model.Issue;
import org.tidings.schedule.JobTimes;
import org.tidings.schedule.NodeCheckIn;
import org.tidings.schedule.ScheduleStatus;
import org.tidings.store.DeliveryCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings status}: is serve running, when does each job fire next, how are the feeds, and
 * how far did the last issue get. Reads only; safe beside a running serve.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the schedule's next runs, feed health and the last issue's delivery counts.")
final class StatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TidingsConfig config = root.config();
        ZoneId zone = config.digest().zone();
        boolean serving = !config.db().shared() && ServeLock.isHeld(config.dataDir());
        try (Tidings t = root.open()) {
            Instant now = t.clock().instant();
            // First: a bad digest.cron stops the command before it has printed half a report.
            Instant nextNewsletter = ScheduleStatus.nextNewsletter(config.schedule().digestCron(), zone, now);
            if (config.db().shared()) {
                Map<String, Long> sending = t.issues().unfinished().map(i -> t.deliveryClaims().holders(i.id()))
                        .orElse(Map.of());
                nodes(out, ScheduleStatus.nodes(t.dataSource()), ScheduleStatus.runningJobs(t.dataSource()), sending,
                        now, zone);
            } else {
                out.println("serve: " + (serving ? "running" + ServeLock.describeHolder(config.dataDir())
                        : "not running") + " on " + config.dataDir());
            }
            jobs(out, ScheduleStatus.triggers(t.dataSource()), zone);
            out.println("newsletter: digest.cron '" + config.schedule().digestCron() + "' in " + zone + ", next "
                    + format(nextNewsletter, zone));
            feeds(out, t.feeds().countByStatus(), t.feeds().countDue(now));
            lastIssue(out, t);
            return 0;
        }
    }

    /** Each node, when it last checked in, and what it holds: running jobs, messages claimed to send. */
    private static void nodes(PrintWriter out, List<NodeCheckIn> nodes, Map<String, List<String>> jobs,
            Map<String, Long> sending, Instant now, ZoneId zone) {
        long alive = nodes.stream().filter(n -> n.alive(now)).count();
        out.println("nodes: " + alive + " serving" + (nodes.size() > alive ? ", " + (nodes.size() - alive)
                + " silent (their jobs are recovered by the others)" : ""));
        for (NodeCheckIn n : nodes) {
            StringBuilder holds = new StringBuilder();
            jobs.getOrDefault(n.name(), List.of()).forEach(j -> holds.append(", running ").append(j));
            if (sending.containsKey(n.name())) {
                holds.append(", ").append(sending.get(n.name())).append(" messages claimed");
            }
            out.printf("  %-40s last seen %s%s%s%n", n.name(), format(n.lastSeen(), zone),
                    n.alive(now) ? "" : " (silent)", holds);
        }
    }

    private static void jobs(PrintWriter out, List<JobTimes> triggers, ZoneId zone) {
        if (triggers.isEmpty()) {
            out.println("jobs: not scheduled yet (they are created by the first tidings serve)");
            return;
        }
        out.println("jobs:");
        for (JobTimes j : triggers) {
            out.printf("  %-15s next %-25s last %-25s %s%n", j.name(), format(j.next(), zone),
                    format(j.previous(), zone), j.state());
        }
    }

    private static void feeds(PrintWriter out, Map<FeedStatus, Long> byStatus, long due) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        out.printf("feeds: %d in all, %d due now; %d active, %d failing, %d paused, %d gone%n", total, due,
                byStatus.getOrDefault(FeedStatus.ACTIVE, 0L), byStatus.getOrDefault(FeedStatus.FAILING, 0L),
                byStatus.getOrDefault(FeedStatus.PAUSED, 0L), byStatus.getOrDefault(FeedStatus.GONE, 0L));
    }

    private static void lastIssue(PrintWriter out, Tidings t) {
        Optional<Issue> latest = t.issues().latest();
        if (latest.isEmpty()) {
            out.println("last issue: none yet");
            return;
        }
        Issue issue = latest.get();
        DeliveryCounts c = t.deliveries().counts(issue.id());
        out.printf("last issue: #%d \"%s\": %d sent, %d failed, %d pending, %d skipped%n", issue.number(),
                issue.subject(), c.sent(), c.failed(), c.pending(), c.skipped());
    }

    private static String format(Instant when, ZoneId zone) {
        return when == null ? "-" : WHEN.format(when.atZone(zone));
    }
}
