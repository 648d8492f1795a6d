package org.tidings.store;

import java.time.Instant;

/**
 * An admin session about to be stored.
 *
 * @param id the cookie's value; only its SHA-256 is stored
 * @param csrf the token every form of the session carries
 * @param expiresAt when it ends unless used again before
 */
public record NewAdminSession(String id, String csrf, Instant createdAt, Instant expiresAt) {
}
