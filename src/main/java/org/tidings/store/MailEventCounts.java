package org.tidings.store;

/** The mail events of one issue by kind, for the admin's newsletter page. */
public record MailEventCounts(long hardBounces, long softBounces, long complaints) {
    public static final MailEventCounts NONE = new MailEventCounts(0, 0, 0);
}
