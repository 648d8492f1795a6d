package org.tidings.store;

import java.time.Duration;

/**
 * A limit on attempts per client: at most {@code max} in a window of {@code window} that opens at
 * the client's first attempt.
 *
 * @param scope keeps limits apart in the one table: "signup", "login"; at most 20 characters
 */
public record AttemptLimit(String scope, int max, Duration window) {
    public AttemptLimit {
        if (scope.isEmpty() || scope.length() > 20 || max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("not a limit: " + scope + ", " + max + ", " + window);
        }
    }
}
