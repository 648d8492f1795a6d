package org.tidings.web.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import org.tidings.store.AdminSessionStore;
import org.tidings.store.NewAdminSession;
import org.tidings.store.StoredAdminSession;

/**
 * The admin's logged-in sessions, kept in the database: a restart logs no one out, and every serve
 * node behind a load balancer knows them. Ids are 256 random bits; a session unused for
 * {@link #IDLE} is gone.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    /**
     * A use is written at most this often, so that a page costs a read and not a write: a session
     * may then end up to this much sooner than {@link #IDLE} after its last use.
     */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminSessionStore store;
    private final InstantSource clock;

    Sessions(AdminSessionStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    AdminSession create() {
        Instant now = clock.instant();
        AdminSession s = new AdminSession(randomToken(), randomToken(), null);
        store.create(new NewAdminSession(s.id(), s.csrf(), now, now.plus(IDLE)));
        return s;
    }

    /** The live session with this id, marked as used now; empty for an unknown or idle one. */
    Optional<AdminSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StoredAdminSession> stored = store.find(id, now);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!now.isBefore(stored.get().lastSeenAt().plus(TOUCH_EVERY))) {
            store.touch(id, now, now.plus(IDLE));
        }
        return Optional.of(new AdminSession(id, stored.get().csrf(), stored.get().notice()));
    }

    void remove(String id) {
        if (id != null && !id.isEmpty()) {
            store.delete(id);
        }
    }

    /** Shown once, on the next page this session sees, whichever node serves it. */
    void notice(AdminSession s, String text) {
        store.leaveNotice(s.id(), text);
    }

    /** The notice the session was read with, cleared so that it shows once; null for none. */
    String takeNotice(AdminSession s) {
        if (s.notice() != null) {
            store.takeNotice(s.id(), s.notice());
        }
        return s.notice();
    }

    /** 256 bits, URL-safe: fit for a cookie value and a form field. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
