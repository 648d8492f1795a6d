package org.tidings.store;

/**
 * A fingerprint of the issues that is cheap to read: it changes when an issue is created (numbers
 * only grow) and when the newest finishes sending, which is when the archive gains an entry. One
 * issue is sent at a time (an unfinished one is resumed before the next is built), so the newest
 * is the only one whose state can change.
 *
 * @param newestNumber 0 before the first issue
 */
public record IssuesVersion(int newestNumber, boolean newestSent) {
}
