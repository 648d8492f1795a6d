package org.tidings.store;

/** The ledger of one issue, by status. */
public record DeliveryCounts(long pending, long sent, long failed, long skipped) {
    /** An issue with no ledger rows. */
    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0);
}
