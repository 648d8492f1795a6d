package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.Tidings;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.store.NewFeed;

/**
 * Three serve processes on one PostgreSQL share the fetching: every due feed is fetched by exactly
 * one node, and the feeds' host never sees more than fetch.per-host requests at once from all the
 * nodes together.
 */
class ClusterFetchTest {
    private static final int FEEDS = 300;
    private static final int PER_HOST = 3;
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed %d</title>"
            + "<link>https://example.org/%d</link><item><title>Grève n°%d</title><guid>g-%d</guid>"
            + "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><description>Résumé</description></item>"
            + "</channel></rss>";

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private ClusterNodes cluster;

    @AfterEach
    void close() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeNodesFetchEachDueFeedOnceAndKeepTheHostsLimitTogether() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "the cluster runs on PostgreSQL (the build's on-postgresql test run)");
        String url = TestDatabase.url(dir);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        server = LocalHttpServer.start();
        for (int i = 0; i < FEEDS; i++) {
            byte[] body = String.format(RSS, i, i, i, i).getBytes(StandardCharsets.UTF_8);
            server.route("/f/" + i + ".xml", exchange -> {
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    // Slow enough that the nodes' rounds overlap, and that a broken limit shows.
                    Thread.sleep(60);
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        try (Tidings t = TestDatabase.tidings(dir, Map.of("TIDINGS_DB_URL", url), Clock.systemUTC())) {
            for (int i = 0; i < FEEDS; i++) {
                t.feeds().addIfAbsent(new NewFeed(server.uri("/f/" + i + ".xml"), null, null, null),
                        t.clock().instant());
            }
        }

        cluster = new ClusterNodes(dir, Map.of("TIDINGS_DB_URL", url, "TIDINGS_FETCH_PER_HOST",
                String.valueOf(PER_HOST), "TIDINGS_FETCH_CONCURRENCY", "8"));
        cluster.startAll(3);
        ClusterNodes.await(() -> fetched() == FEEDS, 120, () -> fetched() + " of " + FEEDS + " feeds fetched\n"
                + cluster.logs());
        // The next due time is fetch.min-interval (15 minutes) away: any further request is a double fetch.
        Thread.sleep(5_000);

        Map<Integer, Integer> twice = new TreeMap<>();
        for (int i = 0; i < FEEDS; i++) {
            int n = server.requestCount("/f/" + i + ".xml");
            if (n != 1) {
                twice.put(i, n);
            }
        }
        assertEquals(0, twice.size(), twice.size() + " feeds not fetched exactly once, such as (feed -> requests) "
                + twice.entrySet().stream().limit(10).toList() + "\n" + cluster.logs());
        assertTrue(mostAtOnce.get() <= PER_HOST, mostAtOnce.get() + " requests at once to one host from the"
                + " cluster; fetch.per-host is " + PER_HOST);
        assertTrue(cluster.nodes().stream().filter(n -> n.log().contains("refresh: ")).count() >= 2,
                "the fetching was not shared:\n" + cluster.logs());
    }

    private long fetched() {
        return server.requests().stream().map(LocalHttpServer.Request::path).distinct().count();
    }
}
