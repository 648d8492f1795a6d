package org.tidings.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overload gate and the failure answers in a real Javalin server: one request at a time and
 * one waiting, with a route that holds its slot until the test lets it go.
 */
class OverloadGateTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<OverloadGate> gate = new AtomicReference<>();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> {
            gate.set(OverloadGate.install(config, 1, 1));
            Failures.install(config);
            config.routes.get("/slow", ctx -> {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                ctx.result("done");
            });
            config.routes.get("/fast", ctx -> ctx.result("fast"));
            config.routes.get("/error", ctx -> {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            });
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
    }

    @Test
    void refusesAtOnceWithRetryAfterWhenTheSlotsAndTheQueueAreFull() throws Exception {
        CompletableFuture<HttpResponse<String>> working = send("/slow");
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        CompletableFuture<HttpResponse<String>> waiting = send("/fast");
        awaitQueued(1);

        HttpResponse<String> refused = send("/fast").get(30, TimeUnit.SECONDS);
        HttpResponse<String> health = send("/healthz").get(30, TimeUnit.SECONDS);
        release.countDown();

        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, health.statusCode());
        assertEquals(200, working.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals("fast", waiting.get(30, TimeUnit.SECONDS).body());
        assertEquals(200, send("/fast").get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void anErrorInsideOneRequestAnswersItAloneAndFreesItsSlot() throws Exception {
        HttpResponse<String> failed = send("/error").get(30, TimeUnit.SECONDS);
        HttpResponse<String> next = send("/fast").get(30, TimeUnit.SECONDS);

        assertEquals(503, failed.statusCode());
        assertEquals("5", failed.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, next.statusCode());
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitQueued(int n) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gate.get().getSuspendedRequestCount() < n && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
    }
}
