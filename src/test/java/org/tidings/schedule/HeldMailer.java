package org.tidings.schedule;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.tidings.mail.MailMessage;
import org.tidings.mail.MailSession;
import org.tidings.mail.MailUnavailableException;
import org.tidings.mail.Mailer;
import org.tidings.mail.SendOutcome;

/**
 * The real mailer, which a test can tell to hold every message after the first few until the
 * schedule is stopping: a stop then falls in the middle of an issue whatever the machine's speed,
 * instead of wherever a timed wait happened to put it. Held once; after that every message goes.
 */
final class HeldMailer implements Mailer {
    private static final long POLL_MILLIS = 10;

    private final Mailer real;
    private final BooleanSupplier stopping;
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile int limit = Integer.MAX_VALUE;

    /** @param stopping true once the schedule has been asked to stop */
    HeldMailer(Mailer real, BooleanSupplier stopping) {
        this.real = real;
        this.stopping = stopping;
    }

    /** Lets {@code messages} more go out, then holds the rest until the schedule is stopping. */
    void holdAfter(int messages) {
        sends.set(0);
        limit = messages;
    }

    /** How many sends have waited for the stop so far. */
    int held() {
        return held.get();
    }

    @Override
    public MailSession open() throws MailUnavailableException {
        MailSession session = real.open();
        return new MailSession() {
            @Override
            public SendOutcome send(MailMessage message) throws MailUnavailableException {
                if (sends.incrementAndGet() > limit) {
                    awaitStop();
                }
                return session.send(message);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private void awaitStop() {
        held.incrementAndGet();
        try {
            while (!stopping.getAsBoolean()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        limit = Integer.MAX_VALUE;
    }
}
