package org.tidings.web.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin's logged-in sessions, in memory: a restart logs everyone out, which for one admin
 * password is a fair price for keeping no session table. Ids are 256 random bits; a session
 * unused for {@link #IDLE} is gone.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstantSource clock;
    private final Map<String, AdminSession> byId = new ConcurrentHashMap<>();

    Sessions(InstantSource clock) {
        this.clock = clock;
    }

    AdminSession create() {
        evictIdle();
        AdminSession s = new AdminSession(randomToken(), randomToken(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, marked as used now; empty for an unknown or idle one. */
    Optional<AdminSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        AdminSession s = byId.get(id);
        Instant now = clock.instant();
        if (s == null || !now.isBefore(s.lastUsed().plus(IDLE))) {
            if (s != null) {
                byId.remove(id);
            }
            return Optional.empty();
        }
        s.used(now);
        return Optional.of(s);
    }

    void remove(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private void evictIdle() {
        Instant cutoff = clock.instant().minus(IDLE);
        byId.values().removeIf(s -> !cutoff.isBefore(s.lastUsed()));
    }

    /** 256 bits, URL-safe: fit for a cookie value and a form field. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
