package org.tidings.model;

import java.time.Instant;

/**
 * One issue of the newsletter.
 *
 * @param periodStart articles first seen from here (inclusive)
 * @param periodEnd up to here (exclusive): when the issue was built
 */
public record Issue(long id, int number, Instant periodStart, Instant periodEnd, String subject) {
}
