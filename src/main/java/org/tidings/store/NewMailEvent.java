package org.tidings.store;

/**
 * A report that came back, matched to the subscriber (and issue) it concerns, to be recorded by
 * {@link MailEventStore}.
 *
 * @param issueId the issue's row, or null when the report names none (an unsubscribe by mail) or
 *     the issue is no longer stored
 * @param issueNumber the number the report names, which soft bounces count by; null for none
 * @param status the RFC 3463 status such as "5.1.1", or null
 * @param diagnostic one line of the remote server's words, or null
 * @param reportKey what makes this report the same as one seen before (a hash, at most 64 characters)
 */
public record NewMailEvent(long subscriberId, Long issueId, Integer issueNumber, String status, String diagnostic,
        String reportKey) {
}
