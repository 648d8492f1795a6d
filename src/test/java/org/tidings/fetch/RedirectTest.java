package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

class RedirectTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(server.uri(path), HttpValidators.NONE);
    }

    /** /hop0 -> /hop1 -> ... -> /hop{count} which serves the feed. */
    private void chain(int count, int status) {
        for (int i = 0; i < count; i++) {
            server.route("/hop" + i, LocalHttpServer.redirect(status, "/hop" + (i + 1)));
        }
        server.route("/hop" + count, LocalHttpServer.respond(200, "feed"));
    }

    @Test
    void followsAtMostFiveRedirects() {
        chain(5, 302);

        Fetched fetched = assertInstanceOf(Fetched.class, fetch("/hop0"));

        assertEquals(server.uri("/hop5"), fetched.finalUrl());
        assertEquals(1, server.requestCount("/hop5"));
    }

    @Test
    void failsOnSixthRedirect() {
        chain(6, 302);

        Failed failed = assertInstanceOf(Failed.class, fetch("/hop0"));

        assertTrue(failed.reason().startsWith("too many redirects"), failed.reason());
        assertEquals(0, server.requestCount("/hop6"));
    }

    @Test
    void updatesUrlOnlyForPermanentRedirectChain() {
        server.route("/old", LocalHttpServer.redirect(301, "/middle"));
        server.route("/middle", LocalHttpServer.redirect(308, "/new"));
        server.route("/new", LocalHttpServer.respond(200, "feed"));

        Fetched fetched = assertInstanceOf(Fetched.class, fetch("/old"));

        assertEquals(server.uri("/new"), fetched.movedTo());
        assertEquals(server.uri("/new"), fetched.finalUrl());
    }

    @Test
    void doesNotUpdateUrlForTemporaryRedirects() {
        for (int status : new int[] {302, 303, 307}) {
            server.route("/temp" + status, LocalHttpServer.redirect(status, "/target"));
        }
        server.route("/target", LocalHttpServer.respond(200, "feed"));

        for (int status : new int[] {302, 303, 307}) {
            Fetched fetched = assertInstanceOf(Fetched.class, fetch("/temp" + status));
            assertNull(fetched.movedTo(), "after " + status);
            assertEquals(server.uri("/target"), fetched.finalUrl());
        }
    }

    @Test
    void ignoresPermanentHopsAfterATemporaryOne() {
        server.route("/a", LocalHttpServer.redirect(302, "/b"));
        server.route("/b", LocalHttpServer.redirect(301, "/c"));
        server.route("/c", LocalHttpServer.respond(200, "feed"));

        assertNull(fetch("/a").movedTo());
    }

    @Test
    void keepsUrlOfLastPermanentHopBeforeATemporaryOne() {
        server.route("/a", LocalHttpServer.redirect(301, "/b"));
        server.route("/b", LocalHttpServer.redirect(307, "/c"));
        server.route("/c", LocalHttpServer.respond(200, "feed"));

        Fetched fetched = assertInstanceOf(Fetched.class, fetch("/a"));

        assertEquals(server.uri("/b"), fetched.movedTo());
        assertEquals(server.uri("/c"), fetched.finalUrl());
    }

    @Test
    void reportsMoveAlongsideNotModified() {
        server.route("/old", LocalHttpServer.redirect(301, "/new"));
        server.route("/new", LocalHttpServer.respond(304, ""));

        assertEquals(new FetchResult.NotModified(server.uri("/new"), null),
                fetcher.fetch(server.uri("/old"), new HttpValidators("\"e\"", null, null)));
        assertEquals("\"e\"", server.lastRequest("/new").header("If-None-Match"));
    }

    @Test
    void resolvesRelativeLocationAgainstCurrentUrl() {
        server.route("/dir/feed", LocalHttpServer.redirect(302, "../other/feed.xml?x=1"));
        server.route("/other/feed.xml", LocalHttpServer.respond(200, "feed"));

        Fetched fetched = assertInstanceOf(Fetched.class, fetch("/dir/feed"));

        assertEquals(server.uri("/other/feed.xml?x=1"), fetched.finalUrl());
    }

    @Test
    void followsAbsoluteLocation() {
        server.route("/a", LocalHttpServer.redirect(301, server.uri("/b").toString()));
        server.route("/b", LocalHttpServer.respond(200, "feed"));

        assertEquals(server.uri("/b"), assertInstanceOf(Fetched.class, fetch("/a")).finalUrl());
    }

    @Test
    void failsOnRedirectLoop() {
        server.route("/a", LocalHttpServer.redirect(301, "/b"));
        server.route("/b", LocalHttpServer.redirect(301, "/a"));

        Failed failed = assertInstanceOf(Failed.class, fetch("/a"));

        assertTrue(failed.reason().startsWith("redirect loop"), failed.reason());
        assertEquals(1, server.requestCount("/a"));
    }

    @Test
    void failsOnRedirectWithoutLocation() {
        server.route("/a", LocalHttpServer.respond(302, ""));

        Failed failed = assertInstanceOf(Failed.class, fetch("/a"));

        assertTrue(failed.reason().contains("without Location"), failed.reason());
    }

    @Test
    void failsOnRedirectToNonHttpScheme() {
        server.route("/a", LocalHttpServer.redirect(301, "ftp://example.org/feed"));

        Failed failed = assertInstanceOf(Failed.class, fetch("/a"));

        assertTrue(failed.reason().contains("unsupported URL scheme ftp"), failed.reason());
        assertNull(failed.movedTo());
    }

    @Test
    void failsOnMalformedLocation() {
        server.route("/a", LocalHttpServer.redirect(302, "http://exa mple.org/ feed"));

        Failed failed = assertInstanceOf(Failed.class, fetch("/a"));

        assertTrue(failed.reason().startsWith("malformed redirect Location"), failed.reason());
    }
}
