package org.tidings.store;

/** The ledger of one issue, by status. */
public record DeliveryCounts(long pending, long sent, long failed, long skipped) {
}
