package org.tidings.web.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Documents rendered once per change of their version, not once per request, kept per key (a
 * feed's format and category; a single key for a page). Thread-safe and single-flight: requests
 * that find a key's document stale while it is being rendered wait for that one render and all
 * get its result, so a burst of requests costs one render, not one each.
 *
 * @param <K> what tells two documents apart
 * @param <V> the version of the data they show
 */
public final class RenderCache<K, V> {
    private final VersionWatch<V> version;
    private final Function<K, byte[]> render;
    private final Caching caching;
    private final int maxDocuments;
    private final ConcurrentMap<K, Slot<V>> slots = new ConcurrentHashMap<>();

    /**
     * @param render reads what it shows and renders it; called after the version is read, so a
     *     document is never older than the version it carries
     * @param maxDocuments past this many keys the cache starts over, so that keys made up by
     *     readers (any category) cannot fill the heap
     */
    public RenderCache(VersionWatch<V> version, Function<K, byte[]> render, Caching caching, int maxDocuments) {
        this.version = version;
        this.render = render;
        this.caching = caching;
        this.maxDocuments = maxDocuments;
    }

    public Rendered<V> get(K key) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            if (slots.size() >= maxDocuments) {
                slots.clear();
            }
            slot = slots.computeIfAbsent(key, k -> new Slot<>());
        }
        Rendered<V> doc = slot.doc;
        if (doc != null && isCurrent(doc, version.current())) {
            return doc;
        }
        synchronized (slot) {
            // The version is read again under the lock: the render this thread waited for may
            // have seen a newer one than the reading it came in with.
            V current = version.current();
            if (slot.doc == null || !isCurrent(slot.doc, current)) {
                slot.doc = Rendered.of(render.apply(key), current, caching.clock().instant(), slot.doc);
            }
            return slot.doc;
        }
    }

    private boolean isCurrent(Rendered<V> doc, V current) {
        return doc.version().equals(current)
                && caching.clock().instant().isBefore(doc.renderedAt().plus(caching.renderAtLeastEvery()));
    }

    /** One key's document; its monitor is held by the render in flight. */
    private static final class Slot<V> {
        private volatile Rendered<V> doc;
    }
}
