package org.tidings.newsletter;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts of one run, shared by the delivery workers. */
final class Tally {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    /** Of the failed: left in doubt by a node that died after handing them to SMTP (see DeliveryClaims). */
    final AtomicInteger inDoubt = new AtomicInteger();
}
