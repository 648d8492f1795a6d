package org.tidings.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tidings.model.Feed;
import org.tidings.store.FetchSlots;
import org.tidings.store.HostSlot;
import org.tidings.store.StoreException;

/**
 * Ingests many feeds at once: {@code concurrency} workers, at most {@code perHost} open requests
 * per host from every process on the database together. A failing feed becomes an outcome; only a
 * database failure stops the run.
 */
public final class IngestRun {
    private final FeedIngester ingester;
    private final int concurrency;
    private final FetchSlots slots;

    /** @param slots the hosts' request slots shared with other processes; its perHost limits this run too */
    public IngestRun(FeedIngester ingester, int concurrency, FetchSlots slots) {
        this.ingester = ingester;
        this.concurrency = concurrency;
        this.slots = slots;
    }

    /**
     * @param onOutcome called once per feed as it finishes, from worker threads (one at a time)
     * @throws StoreException when the database failed; feeds already done are recorded
     */
    public RunSummary run(List<Feed> feeds, Consumer<FeedOutcome> onOutcome) throws InterruptedException {
        return run(feeds, onOutcome, () -> false);
    }

    /**
     * @param stopRequested checked before each feed: once it says true, workers finish the feed
     *     in hand and take no other (a graceful shutdown); the rest stay due for the next run
     */
    public RunSummary run(List<Feed> feeds, Consumer<FeedOutcome> onOutcome, BooleanSupplier stopRequested)
            throws InterruptedException {
        HostQueue queue = new HostQueue(feeds, slots.perHost());
        List<FeedOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        Consumer<FeedOutcome> report = o -> {
            outcomes.add(o);
            synchronized (onOutcome) {
                onOutcome.accept(o);
            }
        };
        List<Thread> workers = new ArrayList<>();
        int n = Math.max(1, Math.min(concurrency, feeds.size()));
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> work(queue, report, fatal, stopRequested), "ingest-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        } finally {
            ingester.flush();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        return RunSummary.of(outcomes);
    }

    private void work(HostQueue queue, Consumer<FeedOutcome> report, AtomicReference<RuntimeException> fatal,
            BooleanSupplier stopRequested) {
        try {
            Feed feed;
            while (fatal.get() == null && !stopRequested.getAsBoolean() && (feed = queue.take()) != null) {
                Optional<TimedFetch> result = fetchInSlot(queue, feed);
                if (result.isPresent()) {
                    report.accept(ingester.process(feed, result.get()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }

    /** Empty when other processes hold every slot of the feed's host: the feed waits its turn again. */
    private Optional<TimedFetch> fetchInSlot(HostQueue queue, Feed feed) {
        Optional<HostSlot> slot;
        try {
            slot = slots.take(HostQueue.host(feed));
        } catch (RuntimeException e) {
            queue.release(feed);
            throw e;
        }
        if (slot.isEmpty()) {
            queue.retryLater(feed);
            return Optional.empty();
        }
        try {
            return Optional.of(ingester.fetch(feed));
        } finally {
            try {
                slots.release(slot.get());
            } finally {
                queue.release(feed);
            }
        }
    }
}
