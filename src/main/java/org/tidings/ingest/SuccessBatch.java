package org.tidings.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tidings.store.FeedStore;
import org.tidings.store.FetchSuccess;

/**
 * Fetches that changed nothing (304, or the same body), recorded in groups: losing the last group
 * to a crash only means those feeds are fetched again a little early.
 */
final class SuccessBatch {
    private static final int SIZE = 100;

    private final FeedStore feeds;
    private final Map<Long, FetchSuccess> pending = new LinkedHashMap<>();

    SuccessBatch(FeedStore feeds) {
        this.feeds = feeds;
    }

    void add(long feedId, FetchSuccess success) {
        Map<Long, FetchSuccess> full = null;
        synchronized (pending) {
            pending.put(feedId, success);
            if (pending.size() >= SIZE) {
                full = new LinkedHashMap<>(pending);
                pending.clear();
            }
        }
        if (full != null) {
            feeds.recordSuccesses(full);
        }
    }

    void flush() {
        Map<Long, FetchSuccess> rest;
        synchronized (pending) {
            rest = new LinkedHashMap<>(pending);
            pending.clear();
        }
        feeds.recordSuccesses(rest);
    }
}
