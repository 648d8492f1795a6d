package org.tidings.web.admin;

import java.time.Clock;
import java.time.Duration;
import org.tidings.store.AttemptLimit;
import org.tidings.store.ClientAttempts;
import org.tidings.web.ClientLimiter;

/**
 * Login attempts per client address, counted alike by every serve node on the database: after
 * {@link #MAX_FAILURES} within {@link #WINDOW} of its first attempt that address may not try again
 * until that window has passed; a login that succeeds clears its address. Guessing the password then takes years instead of minutes.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ClientLimiter attempts;

    LoginThrottle(ClientAttempts store, Clock clock) {
        this.attempts = new ClientLimiter(store, new AttemptLimit("login", MAX_FAILURES, WINDOW), clock);
    }

    /** Counts the attempt in the same step as the check: parallel guesses cannot all pass first. */
    boolean allow(String address) {
        return attempts.allow(address);
    }

    void succeeded(String address) {
        attempts.forget(address);
    }
}
