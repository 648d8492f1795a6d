package org.tidings.web;

import java.time.Clock;
import org.tidings.store.AttemptLimit;
import org.tidings.store.ClientAttempts;

/**
 * At most so many attempts per client address in a window: sign-ups (the form mails whatever
 * address is typed) and admin logins (password guesses). Counted in the database, so every serve
 * node behind a load balancer gives a client the same limit and a restart forgets nothing; the
 * check and the count are one step, so parallel requests cannot all slip in before any is counted.
 * Not on every request: one UPDATE per sign-up or login.
 */
public final class ClientLimiter {
    private final ClientAttempts attempts;
    private final AttemptLimit limit;
    private final Clock clock;

    public ClientLimiter(ClientAttempts attempts, AttemptLimit limit, Clock clock) {
        this.attempts = attempts;
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one attempt from {@code client}; false when it is over the limit (and then it does not count). */
    public boolean allow(String client) {
        return attempts.count(limit, client, clock.instant());
    }

    /** Forgets the client's attempts: a login that succeeded. */
    public void forget(String client) {
        attempts.forget(limit, client);
    }
}
