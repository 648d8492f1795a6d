package org.tidings.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.Issue;

/**
 * The newsletter on a schedule: at each scheduled time, the issue owed for it is sent once. An
 * issue is owed when a scheduled time has passed since the latest issue was built; so however
 * many weeks Tidings was down, one catch-up issue goes out, and a second firing for the same
 * time (a restart, a recovered trigger) finds nothing owed.
 */
public final class ScheduledIssue {
    private final NewsletterParts parts;
    private final IssueSender sender;

    /** The schedule, as the scheduler knows it: its first fire time strictly after a moment. */
    @FunctionalInterface
    public interface Cadence {
        Instant nextAfter(Instant moment);
    }

    public ScheduledIssue(NewsletterParts parts) {
        this(parts, new IssueSender(parts));
    }

    ScheduledIssue(NewsletterParts parts, IssueSender sender) {
        this.parts = parts;
        this.sender = sender;
    }

    /**
     * Finishes an issue a stopped run left unfinished, then sends the owed one, if any.
     *
     * @return what each send did; empty when nothing was owed
     */
    public List<SendReport> sendIfOwed(Cadence cadence, BooleanSupplier stopRequested)
            throws MailUnavailableException, InterruptedException {
        List<SendReport> reports = new ArrayList<>();
        if (parts.issues().unfinished().isPresent()) {
            reports.add(sender.send(stopRequested));
            if (stopRequested.getAsBoolean() || parts.issues().unfinished().isPresent()) {
                return reports;
            }
        }
        if (owed(cadence)) {
            reports.add(sender.send(stopRequested));
        }
        return reports;
    }

    /**
     * An admin's "send now": finishes an unfinished issue, else builds and sends the next one
     * whatever the schedule says (nothing when nothing is new).
     */
    public SendReport sendNow(BooleanSupplier stopRequested) throws MailUnavailableException, InterruptedException {
        return sender.send(stopRequested);
    }

    /**
     * Helps deliver the issue another node's newsletter job built, if one is unfinished; builds none.
     */
    public SendReport helpSend(BooleanSupplier stopRequested) throws MailUnavailableException, InterruptedException {
        return sender.resume(stopRequested);
    }

    /** An issue's period ends when it is built, so the period end is "when the latest issue was built". */
    private boolean owed(Cadence cadence) {
        Optional<Issue> latest = parts.issues().latest();
        if (latest.isEmpty()) {
            return true;
        }
        Instant next = cadence.nextAfter(latest.get().periodEnd());
        return next != null && !next.isAfter(parts.clock().instant());
    }
}
