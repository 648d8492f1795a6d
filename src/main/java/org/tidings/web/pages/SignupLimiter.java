package org.tidings.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code max} sign-ups per client address within a sliding {@code window}: the form
 * sends an email to whatever address is typed, so without a limit it would mail-bomb strangers.
 * In memory, so a restart forgets it; that is acceptable for a limit counted in minutes.
 */
final class SignupLimiter {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    SignupLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one attempt from {@code client}; false when it is over the limit (and then it does not count). */
    synchronized boolean allow(String client) {
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
