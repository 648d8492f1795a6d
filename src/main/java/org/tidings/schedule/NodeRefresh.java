package org.tidings.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The refresh on this node's own timer, for a clustered database: a clustered Quartz trigger would
 * fire on one node at a time, while every live node should fetch. Nodes never fetch the same feed
 * for the same due time, since each round claims its feeds in the database. Not persisted, and
 * needs not be: what is due lives in the feeds table.
 */
final class NodeRefresh {
    private final ScheduledWork work;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RefreshJob> running = new AtomicReference<>();

    NodeRefresh(ScheduledWork work, Duration every) {
        this.work = work;
        this.every = every;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        RefreshJob job = new RefreshJob(work);
        running.set(job);
        try {
            job.execute(null);
        } finally {
            running.set(null);
        }
    }

    /** No new round; the running one stops after its current feeds. */
    void stopTaking() {
        timer.shutdown();
        RefreshJob job = running.get();
        if (job != null) {
            job.interrupt();
        }
    }

    /** @param deadline a {@link System#nanoTime} value */
    boolean awaitStopped(long deadline) {
        try {
            return timer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
