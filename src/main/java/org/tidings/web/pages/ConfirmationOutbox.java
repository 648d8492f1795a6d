package org.tidings.web.pages;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.Subscriber;
import org.tidings.subscribers.Confirmations;
import org.tidings.newsletter.NewsletterParts;

/**
 * Confirmation emails of web sign-ups, sent by one background thread: {@code POST /subscribe}
 * then answers in the same time whether an email goes out or not, so its timing cannot tell
 * which addresses are already subscribed. A failure is logged; the person can sign up again.
 */
final class ConfirmationOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationOutbox.class);
    /** Past this many waiting, a sign-up's email is dropped (and logged) rather than memory filled. */
    private static final int QUEUE = 1000;

    private final NewsletterParts newsletter;
    private final ThreadPoolExecutor sender;

    ConfirmationOutbox(NewsletterParts newsletter) {
        this.newsletter = newsletter;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "confirmations");
            t.setDaemon(true);
            return t;
        });
    }

    void send(Subscriber s) {
        try {
            sender.execute(() -> deliver(s));
        } catch (RejectedExecutionException e) {
            LOG.warn("sign-up: confirmation to {} dropped: {} already waiting", s.email(), QUEUE);
        }
    }

    private void deliver(Subscriber s) {
        try {
            new Confirmations(newsletter).send(List.of(s)).forEach(p -> LOG.warn("sign-up: {}", p));
        } catch (MailUnavailableException | RuntimeException e) {
            LOG.warn("sign-up: confirmation to {} not sent: {}", s.email(), e.getMessage());
        }
    }

    /** Waits until every confirmation queued so far was handed to the mail server (one thread: in order). */
    void awaitIdle(Duration limit) throws InterruptedException {
        Future<?> marker = sender.submit(() -> { });
        try {
            marker.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("confirmations still pending after " + limit, e);
        }
    }

    /** Lets the queued emails go out for a few seconds at most, then stops. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
