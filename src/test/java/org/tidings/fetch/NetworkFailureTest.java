package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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

    /** The server's certificate is self-signed (src/test/resources/fetch), so no trust store vouches for it. */
    @Test
    void reportsTlsFailureForUntrustedCertificate() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
        https.createContext("/feed", LocalHttpServer.respond(200, "feed"));
        https.start();
        try {
            Failed failed = fetchFailing(URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/feed"));

            assertTrue(failed.reason().startsWith("TLS failure: "), failed.reason());
        } finally {
            https.stop(0);
        }
    }

    private static SSLContext selfSignedContext() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = NetworkFailureTest.class.getResourceAsStream("/fetch/self-signed-localhost.p12")) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
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
