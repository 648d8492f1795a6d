package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.ingest.RunSummary;
import org.tidings.store.NewFeed;

/**
 * Refresh rounds of several nodes at once over one database and one loopback host that counts the
 * requests it has open.
 */
class ClusterRefreshTest {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<link>https://t.example/</link><item><title>Un</title><guid>g1</guid></item></channel></rss>";

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void start() {
        server = LocalHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers after {@code delayMillis}, counting the requests open meanwhile. */
    private HttpHandler counting(long delayMillis) {
        HttpHandler answer = LocalHttpServer.respond(200, RSS, "Content-Type", "application/rss+xml");
        return exchange -> {
            mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delayMillis);
                answer.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
            }
        };
    }

    private void addFeeds(ClusterNode node, int n) {
        for (int i = 0; i < n; i++) {
            node.feeds.addIfAbsent(new NewFeed(server.uri("/feed?n=" + i), null, null, null), Instant.now());
        }
    }

    /** Each node's refresh round, all started at once; their summaries once all have ended. */
    private static List<RunSummary> refreshAtOnce(List<ClusterNode> nodes, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<RunSummary>> rounds = nodes.stream()
                    .map(n -> pool.submit((Callable<RunSummary>) () -> n.refreshRound(concurrency).run(() -> false)))
                    .toList();
            List<RunSummary> summaries = new java.util.ArrayList<>();
            for (Future<RunSummary> r : rounds) {
                summaries.add(r.get());
            }
            return summaries;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void threeNodesFetchEachOf300DueFeedsExactlyOnce() throws Exception {
        server.route("/feed", counting(0));
        try (ClusterNode a = new ClusterNode(dir, 2); ClusterNode b = new ClusterNode(dir, 2);
                ClusterNode c = new ClusterNode(dir, 2)) {
            addFeeds(a, 300);

            List<RunSummary> rounds = refreshAtOnce(List.of(a, b, c), 4);

            Map<String, Long> perFeed = server.requests("/feed").stream()
                    .collect(Collectors.groupingBy(LocalHttpServer.Request::query, Collectors.counting()));
            assertEquals(300, perFeed.size());
            assertEquals(Map.of(1L, 300L), perFeed.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
            assertEquals(300, rounds.stream().mapToInt(RunSummary::fetched).sum());
            assertEquals(0, a.claims.claimDue(10, java.time.Duration.ofMinutes(1)).feeds().size(), "none due");
        }
    }

    @Test
    void twoNodesNeverOpenMoreThanPerHostRequestsToOneSlowHost() throws Exception {
        server.route("/feed", counting(40));
        try (ClusterNode a = new ClusterNode(dir, 2); ClusterNode b = new ClusterNode(dir, 2)) {
            addFeeds(a, 30);

            List<RunSummary> rounds = refreshAtOnce(List.of(a, b), 4);

            assertEquals(30, server.requests("/feed").size());
            assertEquals(30, rounds.stream().mapToInt(RunSummary::fetched).sum());
            assertTrue(mostAtOnce.get() <= 2, "at most 2 requests at once, saw " + mostAtOnce.get());
        }
    }
}
