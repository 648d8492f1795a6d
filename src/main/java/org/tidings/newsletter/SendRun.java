package org.tidings.newsletter;

import java.util.function.BooleanSupplier;
import org.tidings.digest.IssueContents;
import org.tidings.model.Issue;

/**
 * One send of one issue: what every pass over its ledger, and each of its delivery workers, needs.
 *
 * @param stopRequested a graceful stop: once true, each worker finishes the message in hand and
 *     takes no other; what is left stays pending in the ledger
 */
record SendRun(Issue issue, IssueContents contents, Tally tally, BooleanSupplier stopRequested) {
}
