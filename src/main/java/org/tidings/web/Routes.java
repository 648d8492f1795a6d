package org.tidings.web;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.List;

/**
 * One group of routes (the feeds, the public pages, the subscriber pages, the admin...), each in
 * its own class so the server's wiring stays a list.
 */
public interface Routes {
    /** The page templates this group renders; compiled when the server is built. */
    default List<String> pages() {
        return List.of();
    }

    void register(JavalinConfig config, PageWriter pages);

    /** Waits for work the group does in the background (emails); tests use it before asserting. */
    default void awaitIdle(Duration limit) throws InterruptedException {
    }

    /** Called when the server stops, after it stopped taking requests. */
    default void stop() {
    }
}
