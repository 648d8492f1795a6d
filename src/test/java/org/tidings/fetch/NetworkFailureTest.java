package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.model.HttpValidators;

/** Trouble below HTTP comes back as a one-line Failed, never as an exception. */
class NetworkFailureTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private Failed fetchFailing(URI url) {
        return assertInstanceOf(Failed.class, fetcher.fetch(url, HttpValidators.NONE));
    }

    @Test
    void reportsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Failed failed = fetchFailing(URI.create("http://127.0.0.1:" + closedPort + "/feed"));

        assertEquals("connection refused", failed.reason());
    }

    @Test
    void reportsUnknownHost() {
        assertEquals("unknown host nosuch.invalid", fetchFailing(URI.create("http://nosuch.invalid/feed")).reason());
    }

    @Test
    void reportsTlsFailureWhenServerDoesNotSpeakTls() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answerInPlainText = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test fails on its own assertions
                }
            });
            answerInPlainText.start();

            Failed failed = fetchFailing(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/feed"));

            assertTrue(failed.reason().startsWith("TLS failure: "), failed.reason());
        }
    }

    @Test
    void reportsUnsupportedScheme() {
        assertEquals("unsupported URL scheme ftp in ftp://example.org/feed",
                fetchFailing(URI.create("ftp://example.org/feed")).reason());
    }

    @Test
    void reportsMalformedUrls() {
        assertTrue(fetchFailing(URI.create("example.org/feed")).reason().startsWith("malformed URL"));
        assertTrue(fetchFailing(URI.create("http:///feed")).reason().startsWith("malformed URL"));
        assertTrue(fetchFailing(null).reason().startsWith("malformed URL"));
    }

    @Test
    void returnsInterruptedAndKeepsTheInterruptFlag() throws InterruptedException {
        server.route("/slow", exchange -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
        });
        AtomicReference<FetchResult> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(fetcher.fetch(server.uri("/slow"), HttpValidators.NONE));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        caller.start();
        while (server.requestCount("/slow") == 0) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(Duration.ofSeconds(10).toMillis());

        assertEquals(new Failed(null, "interrupted", null), result.get());
        assertTrue(stillInterrupted.get());
    }

    @Test
    void returnsInterruptedWhenCalledWithFlagAlreadySet() {
        server.route("/feed", LocalHttpServer.respond(200, "feed"));

        Thread.currentThread().interrupt();
        FetchResult result = fetcher.fetch(server.uri("/feed"), HttpValidators.NONE);
        boolean stillInterrupted = Thread.interrupted();

        assertEquals(new Failed(null, "interrupted", null), result);
        assertTrue(stillInterrupted);
    }

    @Test
    void failsAfterClose() {
        fetcher.close();

        assertEquals("fetcher closed", fetchFailing(server.uri("/feed")).reason());
    }
}
