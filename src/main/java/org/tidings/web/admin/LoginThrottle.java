package org.tidings.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@link #MAX_FAILURES} within {@link #WINDOW} that
 * address may not try again until the oldest failure leaves the window. Guessing the password
 * then takes years instead of minutes.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final InstantSource clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times, clock.instant());
            return times.size() >= MAX_FAILURES;
        }
    }

    void failed(String address) {
        Instant now = clock.instant();
        // Addresses whose failures all expired are dropped, so a scan from many addresses cannot fill the heap.
        failures.values().removeIf(times -> {
            synchronized (times) {
                forgetOld(times, now);
                return times.isEmpty();
            }
        });
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    void succeeded(String address) {
        failures.remove(address);
    }

    private static void forgetOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
