package org.tidings.model;

import java.time.Instant;

/**
 * An issue as the archive lists it.
 *
 * @param sentAt when its sending finished (when it was built, should that be unknown)
 */
public record SentIssue(int number, String subject, Instant sentAt) {
}
