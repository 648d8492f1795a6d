package org.tidings.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tidings.TestClock;

/** The render cache: one render per change, and one render for a burst of requests that find it stale. */
class RenderCacheTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Caching caching = new Caching(Duration.ofSeconds(1), Duration.ofMinutes(1), clock);
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger renders = new AtomicInteger();

    private RenderCache<String, Long> cache(CountDownLatch started, CountDownLatch release) {
        return new RenderCache<>(new VersionWatch<>(version::get, caching), key -> {
            renders.incrementAndGet();
            started.countDown();
            await(release);
            return (key + " at " + version.get()).getBytes(StandardCharsets.UTF_8);
        }, caching, 16);
    }

    @Test
    void concurrentRequestsForAStaleDocumentWaitForOneRender() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RenderCache<String, Long> cache = cache(started, release);
        List<AtomicReference<Rendered<Long>>> results = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AtomicReference<Rendered<Long>> result = new AtomicReference<>();
            results.add(result);
            Thread reader = new Thread(() -> result.set(cache.get("/")));
            reader.start();
            readers.add(reader);
        }

        assertTrue(started.await(30, TimeUnit.SECONDS));
        awaitAllWaiting(readers);
        release.countDown();
        for (Thread t : readers) {
            t.join();
        }

        assertEquals(1, renders.get());
        results.forEach(r -> assertSame(results.get(0).get(), r.get()));
    }

    @Test
    void rendersAgainOnlyOnceTheVersionChanged() {
        CountDownLatch open = new CountDownLatch(0);
        RenderCache<String, Long> cache = cache(open, open);
        Rendered<Long> first = cache.get("/");
        clock.advance(Duration.ofSeconds(2));
        Rendered<Long> same = cache.get("/");

        version.set(2);
        Rendered<Long> beforeCheck = cache.get("/");
        clock.advance(Duration.ofSeconds(2));
        Rendered<Long> after = cache.get("/");

        assertSame(first, same);
        assertSame(first, beforeCheck);
        assertEquals(2, renders.get());
        assertNotEquals(first.etag(), after.etag());
        assertTrue(after.lastModified().isAfter(first.lastModified()));
    }

    /** Until every reader but the renderer is parked on the render in flight (or done). */
    private static void awaitAllWaiting(List<Thread> readers) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (readers.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.NEW)
                && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
