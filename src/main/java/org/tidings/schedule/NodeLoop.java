package org.tidings.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionException;
import org.quartz.UnableToInterruptJobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that every node of a cluster does on its own timer, where a clustered Quartz trigger would
 * fire on one node at a time: fetching due feeds, and helping send an unfinished issue. Nodes
 * never take the same feed or message, since each claims its share in the database. Not
 * persisted, and needs not be: what is due lives in the feeds and deliveries tables.
 */
final class NodeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLoop.class);
    private final Supplier<InterruptableJob> rounds;
    private final Duration every;
    private final ScheduledExecutorService timer;
    private final AtomicReference<InterruptableJob> running = new AtomicReference<>();

    /** @param rounds a new job per round, so that a stop request belongs to one round */
    NodeLoop(String name, Duration every, Supplier<InterruptableJob> rounds) {
        this.rounds = rounds;
        this.every = every;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        InterruptableJob job = rounds.get();
        running.set(job);
        try {
            job.execute(null);
        } catch (JobExecutionException | RuntimeException e) {
            LOG.error("{} failed: {}", Thread.currentThread().getName(), e.toString(), e);
        } finally {
            running.set(null);
        }
    }

    /** No new round; the running one stops after its current feeds. */
    void stopTaking() {
        timer.shutdown();
        InterruptableJob job = running.get();
        if (job != null) {
            try {
                job.interrupt();
            } catch (UnableToInterruptJobException e) {
                LOG.warn("could not ask {} to stop: {}", job, e.getMessage());
            }
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
