package org.tidings.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;
import org.tidings.model.HttpValidators;

class HostQueueTest {
    private static Feed feed(long id, String url) {
        return new Feed(id, URI.create(url), null, null, null, FeedStatus.ACTIVE, HttpValidators.NONE, null, null, 0,
                null, null, null, Instant.EPOCH, null, null);
    }

    @Test
    void hostsTakeTurnsAndABusyHostIsSkipped() throws InterruptedException {
        HostQueue q = new HostQueue(List.of(feed(1, "http://a/1"), feed(2, "http://a/2"), feed(3, "http://a/3"),
                feed(4, "http://b/1")), 1);

        Feed first = q.take();
        Feed second = q.take();

        assertEquals(List.of(1L, 4L), List.of(first.id(), second.id()));
        q.release(first);
        assertEquals(2L, q.take().id());
    }

    @Test
    void returnsNullWhenEveryFeedIsHandedOut() throws InterruptedException {
        HostQueue q = new HostQueue(List.of(feed(1, "http://a/1")), 2);

        q.take();

        assertNull(q.take());
    }

    @Test
    void neverOpensMoreThanPerHostToOneHost() throws InterruptedException {
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            feeds.add(feed(i, "http://same.example/" + i));
        }
        HostQueue q = new HostQueue(feeds, 2);
        int[] open = {0};
        int[] max = {0};
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Thread t = new Thread(() -> {
                try {
                    Feed f;
                    while ((f = q.take()) != null) {
                        synchronized (open) {
                            open[0]++;
                            max[0] = Math.max(max[0], open[0]);
                        }
                        Thread.sleep(1);
                        synchronized (open) {
                            open[0]--;
                        }
                        q.release(f);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }

        assertTrue(max[0] >= 1 && max[0] <= 2, "max open " + max[0]);
    }

    @Test
    void aThirdRequestToABusyHostWaitsForARelease() throws InterruptedException {
        HostQueue q = new HostQueue(List.of(feed(1, "http://a/1"), feed(2, "http://a/2"), feed(3, "http://a/3")), 2);
        Feed first = q.take();
        q.take();
        Feed[] third = new Feed[1];
        Thread waiter = new Thread(() -> {
            try {
                third[0] = q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "the third take must wait while two requests are open");

        q.release(first);
        waiter.join(5000);

        assertEquals(3L, third[0].id());
    }
}
