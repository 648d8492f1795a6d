package org.tidings.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import org.tidings.model.Issue;
import org.tidings.store.DeliveryCounts;
import org.tidings.store.DeliveryStore;
import org.tidings.store.IssueStore;

/** What {@code digest send} prints while serve sends: the newest issue's counts, when they change. */
final class IssueProgress {
    private final IssueStore issues;
    private final DeliveryStore deliveries;
    private final PrintWriter out;
    private final Long before;
    private String last;

    IssueProgress(IssueStore issues, DeliveryStore deliveries, PrintWriter out) {
        this.issues = issues;
        this.deliveries = deliveries;
        this.out = out;
        this.before = issues.latest().map(Issue::id).orElse(null);
    }

    void report() {
        issues.latest().ifPresent(issue -> {
            String line = line(issue, deliveries.counts(issue.id()));
            if (!line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
        });
    }

    /** @return 0 when the newest issue is complete; 2 when messages are still pending (serve retries them) */
    int finish() {
        Optional<Issue> latest = issues.latest();
        if (latest.isEmpty() || (Objects.equals(before, latest.get().id()) && last == null
                && issues.unfinished().isEmpty())) {
            out.println("nothing new to send: no issue was built");
            return 0;
        }
        DeliveryCounts c = deliveries.counts(latest.get().id());
        report();
        if (c.pending() > 0) {
            out.println("serve stopped this send with " + c.pending() + " messages pending: it retries them"
                    + " (see tidings status)");
            return 2;
        }
        out.println("done");
        return 0;
    }

    private static String line(Issue issue, DeliveryCounts c) {
        return String.format("issue #%d: %d sent, %d failed, %d skipped, %d pending", issue.number(), c.sent(),
                c.failed(), c.skipped(), c.pending());
    }
}
