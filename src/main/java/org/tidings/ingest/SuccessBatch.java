package org.tidings.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tidings.store.FeedState;
import org.tidings.store.FeedStore;

/**
 * Fetches that changed nothing (304, or the same body), recorded in groups: losing the last group
 * to a crash only means those feeds are fetched again a little early.
 */
final class SuccessBatch {
    private static final int SIZE = 100;

    private final FeedStore feeds;
    private final Map<Long, FeedState> pending = new LinkedHashMap<>();

    SuccessBatch(FeedStore feeds) {
        this.feeds = feeds;
    }

    void add(long feedId, FeedState state) {
        Map<Long, FeedState> full = null;
        synchronized (pending) {
            pending.put(feedId, state);
            if (pending.size() >= SIZE) {
                full = new LinkedHashMap<>(pending);
                pending.clear();
            }
        }
        if (full != null) {
            feeds.recordAll(full);
        }
    }

    void flush() {
        Map<Long, FeedState> rest;
        synchronized (pending) {
            rest = new LinkedHashMap<>(pending);
            pending.clear();
        }
        feeds.recordAll(rest);
    }
}
