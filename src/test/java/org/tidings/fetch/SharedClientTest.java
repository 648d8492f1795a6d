package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

/** One FeedFetcher serves many threads over a few reused connections. */
class SharedClientTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void reusesOneConnectionForSequentialFetches() {
        server.route("/feed", LocalHttpServer.respond(200, "<rss/>"));
        server.route("/gz", LocalHttpServer.respond(200, ContentEncodingTest.gzip(new byte[1000]),
                "Content-Encoding", "gzip"));
        server.route("/same", LocalHttpServer.respond(304, ""));

        for (int i = 0; i < 10; i++) {
            assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE));
            assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/gz"), HttpValidators.NONE));
            assertInstanceOf(FetchResult.NotModified.class, fetcher.fetch(server.uri("/same"), HttpValidators.NONE));
        }

        long connections = server.requests().stream().map(LocalHttpServer.Request::client).distinct().count();
        assertEquals(1, connections);
    }

    @Test
    void servesManyThreadsAtOnce() throws InterruptedException, ExecutionException {
        for (int i = 0; i < 50; i++) {
            server.route("/feed" + i, LocalHttpServer.respond(200, "feed " + i));
        }
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i % 50;
                results.add(callers.submit(() -> fetcher.fetch(server.uri("/feed" + n), HttpValidators.NONE)));
            }
            for (int i = 0; i < results.size(); i++) {
                Fetched fetched = assertInstanceOf(Fetched.class, results.get(i).get());
                assertEquals("feed " + (i % 50), new String(fetched.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
