package org.tidings.schedule;

/** Elapsed time for the one log line each job run writes. */
final class JobTimer {
    private JobTimer() {
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
