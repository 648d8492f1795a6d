package org.tidings.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.tidings.mail.MailUnavailableException;

/**
 * Delivery threads taking subscribers from a queue: one per CPU more than there are mail sessions
 * ({@code mail.concurrency} SMTP connections, each reused for many messages), so rendering goes
 * on while the connections send. The first unreachable-server error stops them all; what they
 * had not sent stays pending.
 */
public final class DeliveryWorkers {
    private final NewsletterParts parts;
    private final MessageFactory messages;
    private final SendRun run;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private volatile boolean noMoreJobs;
    private SessionPool sessions;

    DeliveryWorkers(NewsletterParts parts, MessageFactory messages, SendRun run) {
        this.parts = parts;
        this.messages = messages;
        this.run = run;
    }

    /** One per CPU more than the connections, so rendering goes on while they send. */
    public static int threads(int connections) {
        return connections + Runtime.getRuntime().availableProcessors();
    }

    void start(BlockingQueue<DeliveryJob> queue, int connections) {
        sessions = new SessionPool(parts.mailer(), connections);
        int count = threads(connections);
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> run(queue), "send-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    boolean stopped() {
        return fatal.get() != null || run.stopRequested().getAsBoolean();
    }

    /** Hands a job to the workers; false when they have stopped. */
    boolean offer(BlockingQueue<DeliveryJob> queue, DeliveryJob job) throws InterruptedException {
        while (!stopped()) {
            if (queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells the workers no more jobs will come and waits for them to empty the queue. A flag, not
     * end markers in the queue: a marker taken by one worker could leave another waiting forever.
     */
    void finish(BlockingQueue<DeliveryJob> queue) throws InterruptedException {
        noMoreJobs = true;
        for (Thread t : threads) {
            t.join();
        }
        sessions.close();
    }

    void rethrow() throws MailUnavailableException {
        Exception e = fatal.get();
        if (e instanceof MailUnavailableException m) {
            throw m;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
    }

    private void run(BlockingQueue<DeliveryJob> queue) {
        try {
            Delivery delivery = new Delivery(parts, messages, run.issue(), run.contents(), run.tally(), sessions);
            while (!stopped()) {
                // Read the flag before polling: once it is set, an empty queue stays empty.
                boolean last = noMoreJobs;
                DeliveryJob job = queue.poll(100, TimeUnit.MILLISECONDS);
                if (job != null) {
                    delivery.deliver(job);
                } else if (last) {
                    return;
                }
            }
        } catch (MailUnavailableException | RuntimeException e) {
            fatal.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
