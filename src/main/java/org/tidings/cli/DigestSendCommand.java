package org.tidings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.config.TidingsConfig;
import org.tidings.mail.MailUnavailableException;
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.SendReport;
import org.tidings.schedule.Schedule;
import org.tidings.schedule.ScheduleSettings;
import org.tidings.schedule.ScheduleStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings digest send}: builds the current issue (or resumes the unfinished one) and
 * delivers it. Beside a running serve (on an H2 file) or running nodes (on PostgreSQL) it asks
 * them to send, through the scheduler's tables, and follows the issue until it is done. Exits 2
 * when the mail server could not be reached; unsent messages stay pending.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Build the next issue (or resume an unfinished one) and deliver it to every active subscriber;"
                + " beside a running serve, ask it to and follow the send.")
final class DigestSendCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofSeconds(2);

    @ParentCommand
    DigestCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        TidingsConfig config = parent.root.config();
        Path dataDir = config.dataDir();
        if (config.db().shared()) {
            try (Tidings t = parent.root.open()) {
                boolean nodesServe = ScheduleStatus.nodes(t.dataSource()).stream()
                        .anyMatch(n -> n.alive(t.clock().instant()));
                return nodesServe ? throughServe(t) : sendHere(t);
            }
        }
        // On an H2 file serve's lock says whether serve runs; held for the whole send, it also
        // keeps a serve from starting meanwhile.
        Optional<ServeLock> lock = ServeLock.tryAcquire(dataDir);
        if (lock.isEmpty()) {
            try (Tidings t = parent.root.open()) {
                return throughServe(t);
            }
        }
        try (ServeLock held = lock.get(); Tidings t = parent.root.open()) {
            return sendHere(t);
        }
    }

    private int sendHere(Tidings t) throws InterruptedException {
        try {
            SendReport report = new IssueSender(t.newsletter()).send();
            spec.commandLine().getOut().println(report.describe());
            return 0;
        } catch (MailUnavailableException e) {
            spec.commandLine().getErr().println("tidings: " + e.getMessage()
                    + " (messages not sent stay pending; run digest send again)");
            return 2;
        }
    }

    /** The request goes through the scheduler's tables, so the issue is sent by the same job as ever. */
    private int throughServe(Tidings t) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        TidingsConfig config = t.config();
        Schedule.requestIssueNow(t.dataSource(), ScheduleSettings.of(config.schedule(), config.digest().zone(),
                config.db().shared()));
        out.println("serve is running: asked it to send the newsletter now; following the send (Ctrl-C leaves it"
                + " to serve)");
        out.flush();
        IssueProgress progress = new IssueProgress(t.issues(), t.deliveries(), out);
        while (ScheduleStatus.newsletterBusy(t.dataSource())) {
            progress.report();
            Thread.sleep(POLL.toMillis());
        }
        return progress.finish();
    }
}
