package org.tidings.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.mail.MailUnavailableException;
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.SendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings digest send}: builds the current issue (or resumes the unfinished one) and
 * delivers it. Exits 2 when the mail server could not be reached; unsent messages stay pending.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Build the next issue (or resume an unfinished one) and deliver it to every active subscriber.")
final class DigestSendCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        // Two senders on one ledger could both take the same pending row, so the send holds serve's
        // lock for its whole run: serve owns sending while it runs, and cannot start meanwhile.
        Path dataDir = parent.root.config().dataDir();
        Optional<ServeLock> lock = ServeLock.tryAcquire(dataDir);
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println("tidings: serve is running on data folder " + dataDir
                    + " and sends the newsletter itself at digest.cron (see tidings status); stop it to send by hand");
            return 1;
        }
        try (ServeLock held = lock.get(); Tidings t = parent.root.open()) {
            SendReport report = new IssueSender(t.newsletter()).send();
            spec.commandLine().getOut().println(report.describe());
            return 0;
        } catch (MailUnavailableException e) {
            spec.commandLine().getErr().println("tidings: " + e.getMessage()
                    + " (messages not sent stay pending; run digest send again)");
            return 2;
        }
    }
}
