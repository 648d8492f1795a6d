package org.tidings.store;

import java.time.Instant;

/**
 * A live admin session as stored.
 *
 * @param lastSeenAt when its use was last written, which is at most as often as its reader asks
 * @param notice the one-time message an action left for the next page; null for none
 */
public record StoredAdminSession(String csrf, Instant lastSeenAt, Instant expiresAt, String notice) {
}
