package org.tidings.mail;

import java.util.function.IntSupplier;

/**
 * Spaces sends evenly at a configured rate, shared by every session of one mailer, so that
 * {@code mail.rate} holds across all connections. Each caller reserves the next free slot under the
 * lock and sleeps outside it, so waiting senders do not block each other's bookkeeping. There is
 * no saved-up burst: after a quiet spell the next send goes at once and the ones after it are paced.
 */
final class SendPacer {
    /** Time and sleep, injectable so tests run without waiting. */
    interface Ticker {
        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final long intervalNanos;
    private final IntSupplier shares;
    private final Ticker ticker;
    private boolean started;
    private long nextSlot;

    private SendPacer(long intervalNanos, IntSupplier shares, Ticker ticker) {
        this.intervalNanos = intervalNanos;
        this.shares = shares;
        this.ticker = ticker;
    }

    /** @param perSecond messages per second; 0 means unlimited */
    static SendPacer perSecond(double perSecond, Ticker ticker) {
        return perSecond(perSecond, () -> 1, ticker);
    }

    /**
     * @param shares how many senders share the rate (the live nodes of a cluster): each keeps to its
     *     share, asked at every send
     */
    static SendPacer perSecond(double perSecond, IntSupplier shares, Ticker ticker) {
        if (perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("rate must be at least 0, got " + perSecond);
        }
        return new SendPacer(perSecond == 0 ? 0 : Math.round(1e9 / perSecond), shares, ticker);
    }

    /** Waits for this caller's turn; false when interrupted meanwhile (the interrupt flag is kept). */
    boolean awaitTurn() {
        if (intervalNanos == 0) {
            return true;
        }
        long wait;
        long interval = intervalNanos * Math.max(1, shares.getAsInt());
        synchronized (this) {
            long now = ticker.nanoTime();
            // Compared by difference: nanoTime values may wrap around.
            long slot = started && nextSlot - now > 0 ? nextSlot : now;
            started = true;
            nextSlot = slot + interval;
            wait = slot - now;
        }
        if (wait <= 0) {
            return true;
        }
        try {
            ticker.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
