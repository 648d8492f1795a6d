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
 * its own slots and never a worker that could fetch from another host.
 */
final class HostQueue {
    private final int perHost;
    private final Map<String, Deque<Feed>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> open = new HashMap<>();
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
                if (open.getOrDefault(e.getKey(), 0) < perHost) {
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
            wait();
        }
        return null;
    }

    /** The request to the feed's host is over; its slot is free. */
    synchronized void release(Feed feed) {
        open.merge(host(feed), -1, Integer::sum);
        notifyAll();
    }

    static String host(Feed f) {
        String h = f.url().getHost();
        return h == null ? "" : h.toLowerCase(Locale.ROOT);
    }
}
