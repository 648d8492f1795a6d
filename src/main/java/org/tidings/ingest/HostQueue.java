package org.tidings.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tidings.model.Feed;

/**
 * Hands out feeds to workers so that no host has more than {@code perHost} requests open, taking
 * hosts in turn. A worker waits only when every host with feeds left is busy, so a slow host holds
 * its own slots and never a worker that could fetch from another host. A host whose slots other
 * processes hold ({@link #retryLater}) is passed over for a short while in the same way.
 */
final class HostQueue {
    /** How long a host whose slots other processes hold is left alone before it is asked again. */
    static final long RETRY_NANOS = 50_000_000L;

    private final int perHost;
    private final Map<String, Deque<Feed>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> open = new HashMap<>();
    private final Map<String, Long> heldElsewhereUntil = new HashMap<>();
    private int remaining;

    HostQueue(List<Feed> feeds, int perHost) {
        this.perHost = perHost;
        for (Feed f : feeds) {
            waiting.computeIfAbsent(host(f), h -> new ArrayDeque<>()).add(f);
        }
        remaining = feeds.size();
    }

    /** The next feed whose host has a free slot, waiting for one if needed; null when none are left. */
    synchronized Feed take() throws InterruptedException {
        while (remaining > 0) {
            Iterator<Map.Entry<String, Deque<Feed>>> it = waiting.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Deque<Feed>> e = it.next();
                if (open.getOrDefault(e.getKey(), 0) < perHost && !heldElsewhere(e.getKey())) {
                    Feed f = e.getValue().poll();
                    it.remove();
                    if (!e.getValue().isEmpty()) {
                        // Back of the line: hosts take turns.
                        waiting.put(e.getKey(), e.getValue());
                    }
                    open.merge(e.getKey(), 1, Integer::sum);
                    remaining--;
                    return f;
                }
            }
            if (heldElsewhereUntil.isEmpty()) {
                wait();
            } else {
                wait(Math.max(1, RETRY_NANOS / 1_000_000));
            }
        }
        return null;
    }

    /** The request to the feed's host is over; its slot is free. */
    synchronized void release(Feed feed) {
        open.merge(host(feed), -1, Integer::sum);
        notifyAll();
    }

    /**
     * Every slot of the feed's host is held by other processes: the feed goes back to the front of
     * its host's line, and the host is passed over for {@link #RETRY_NANOS}.
     */
    synchronized void retryLater(Feed feed) {
        String host = host(feed);
        open.merge(host, -1, Integer::sum);
        waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).addFirst(feed);
        heldElsewhereUntil.put(host, System.nanoTime() + RETRY_NANOS);
        remaining++;
        notifyAll();
    }

    private boolean heldElsewhere(String host) {
        Long until = heldElsewhereUntil.get(host);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() > 0) {
            return true;
        }
        heldElsewhereUntil.remove(host);
        return false;
    }

    static String host(Feed f) {
        String h = f.url().getHost();
        return h == null ? "" : h.toLowerCase(Locale.ROOT);
    }
}
