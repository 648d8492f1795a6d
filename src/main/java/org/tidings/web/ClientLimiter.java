package org.tidings.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code max} attempts per client address within a sliding {@code window}: sign-ups (the
 * form mails whatever address is typed) and admin logins (password guesses). The check and the
 * count are one step, so parallel requests cannot all slip in before any is counted. In memory, so
 * a restart forgets it; that is acceptable for a limit counted in minutes.
 */
public final class ClientLimiter {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public ClientLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one attempt from {@code client}; false when it is over the limit (and then it does not count). */
    public synchronized boolean allow(String client) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        forgetBefore(since);
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        if (times.size() >= max) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Forgets the client's attempts: a login that succeeded. */
    public synchronized void forget(String client) {
        recent.remove(client);
    }

    /** Drops what the window has passed, so the map holds only clients seen lately. */
    private void forgetBefore(Instant since) {
        for (Iterator<Deque<Instant>> it = recent.values().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next();
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
            }
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
