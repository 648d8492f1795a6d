package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the heap left after each garbage collection while a run goes on: the live set, which is
 * what must fit in {@code -Xmx}; the heap in use at any instant also counts garbage not yet collected.
 */
final class HeapWatch {
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxAfterGc;

    private HeapWatch() {
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        watch.sampler.start();
        return watch;
    }

    /** The largest heap found in use right after a collection, in bytes. */
    long maxAfterGc() {
        return maxAfterGc;
    }

    /** Heap in use after a full collection now, in bytes. */
    static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
        maxAfterGc = Math.max(maxAfterGc, afterLastGc());
    }

    private void sample() {
        while (running) {
            maxAfterGc = Math.max(maxAfterGc, afterLastGc());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sum over the heap pools of what the last collection of each left; young pools are near empty then. */
    private static long afterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }
}
