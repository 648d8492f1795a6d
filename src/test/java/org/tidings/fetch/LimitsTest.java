package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

class LimitsTest {
    private static final long ONE_MIB = 1024 * 1024;
    private static final Duration SHORT = Duration.ofMillis(300);

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchResult fetch(FeedFetcher fetcher, String path) {
        try (fetcher) {
            return fetcher.fetch(server.uri(path), HttpValidators.NONE);
        }
    }

    /** Chunked, never ends: only the client hanging up stops it, which counts down {@code hungUp}. */
    private static HttpHandler endless(CountDownLatch hungUp) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                hungUp.countDown();
            }
        };
    }

    /** Sends headers at once, then one byte every 50 ms for a minute. */
    private static HttpHandler trickle() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1200; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException expected) {
                // the client hung up, or the server is stopping
            }
        };
    }

    private static HttpHandler afterDelay(Duration delay, HttpHandler then) {
        return exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            then.handle(exchange);
        };
    }

    @Test
    void abandonsBodyLargerThanMaxBytes() throws InterruptedException {
        CountDownLatch hungUp = new CountDownLatch(1);
        server.route("/endless", endless(hungUp));

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.standard(), "/endless"));

        assertEquals("response larger than 1048576 bytes", failed.reason());
        assertTrue(hungUp.await(10, TimeUnit.SECONDS), "the connection was closed, not left streaming");
    }

    @Test
    void acceptsBodyOfExactlyMaxBytes() {
        server.route("/feed", LocalHttpServer.respond(200, new byte[(int) ONE_MIB]));

        Fetched fetched = assertInstanceOf(Fetched.class, fetch(Fetchers.standard(), "/feed"));

        assertEquals(ONE_MIB, fetched.body().length);
    }

    @Test
    void rejectsDeclaredContentLengthOverMaxBytes() {
        server.route("/big", LocalHttpServer.respond(200, new byte[(int) ONE_MIB + 1]));

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.standard(), "/big"));

        assertEquals("response larger than 1048576 bytes", failed.reason());
    }

    @Test
    void capsDecompressedSizeOfGzipBomb() {
        byte[] bomb = ContentEncodingTest.gzip(new byte[32 * (int) ONE_MIB]);
        server.route("/bomb", LocalHttpServer.respond(200, bomb, "Content-Encoding", "gzip"));

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.standard(), "/bomb"));

        assertTrue(bomb.length < 64 * 1024, "the bomb itself is small: " + bomb.length);
        assertEquals("response larger than 1048576 bytes", failed.reason());
    }

    @Test
    void timesOutWholeRequestWhenBodyTrickles() {
        server.route("/slow", trickle());

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.withTimeout(SHORT), "/slow"));

        assertEquals("timed out after PT0.3S", failed.reason());
    }

    @Test
    void timesOutWhenHeadersNeverCome() {
        server.route("/silent", afterDelay(Duration.ofSeconds(30), LocalHttpServer.respond(200, "late")));

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.withTimeout(SHORT), "/silent"));

        assertEquals("timed out after PT0.3S", failed.reason());
    }

    @Test
    void timeoutCoversAllRedirectHops() {
        Duration hop = Duration.ofMillis(120);
        server.route("/a", afterDelay(hop, LocalHttpServer.redirect(302, "/b")));
        server.route("/b", afterDelay(hop, LocalHttpServer.redirect(302, "/c")));
        server.route("/c", afterDelay(hop, LocalHttpServer.redirect(302, "/d")));
        server.route("/d", afterDelay(hop, LocalHttpServer.respond(200, "feed")));

        Failed failed = assertInstanceOf(Failed.class, fetch(Fetchers.withTimeout(SHORT), "/a"));

        assertEquals("timed out after PT0.3S", failed.reason());
        assertEquals(0, server.requestCount("/d"));
    }
}
