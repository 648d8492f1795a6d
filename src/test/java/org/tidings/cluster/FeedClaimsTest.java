package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Feed;
import org.tidings.store.ClaimedFeeds;
import org.tidings.store.NewFeed;

/** Two nodes claiming due feeds from one database, on the database's time. */
class FeedClaimsTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    /** Tiny, so that a test sees a lease pass; waited for by polling, never by a fixed sleep. */
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private ClusterNode one;
    private ClusterNode two;

    @BeforeEach
    void open() {
        one = new ClusterNode(dir, 2);
        two = new ClusterNode(dir, 2);
    }

    @AfterEach
    void close() {
        two.close();
        one.close();
    }

    private List<Long> addFeeds(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(one.feeds.addIfAbsent(new NewFeed(URI.create("https://f" + i + ".example/feed"), null, null, null),
                    Instant.now()).orElseThrow().id());
        }
        return ids;
    }

    private static List<Long> ids(ClaimedFeeds c) {
        return c.feeds().stream().map(Feed::id).toList();
    }

    /** Claims in batches of 7 until none is due: what one node's refresh round does. */
    private static Callable<List<Long>> claimAll(ClusterNode node) {
        return () -> {
            List<Long> mine = new ArrayList<>();
            ClaimedFeeds batch;
            while (!(batch = node.claims.claimDue(7, LONG)).isEmpty()) {
                mine.addAll(ids(batch));
            }
            return mine;
        };
    }

    @Test
    void twoNodesClaimingAtOnceTakeDisjointFeedsCoveringEveryDueOne() throws Exception {
        List<Long> due = addFeeds(300);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<List<Long>> first = pool.submit(claimAll(one));
        Future<List<Long>> second = pool.submit(claimAll(two));
        List<Long> a = first.get();
        List<Long> b = second.get();
        pool.shutdown();

        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        assertEquals(Set.of(), both, "claimed by both nodes");
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        assertEquals(300, all.size(), "each feed claimed once");
        assertEquals(new HashSet<>(due), new HashSet<>(all));
    }

    @Test
    void aClaimedFeedIsNotDueAgainUntilItsLeasePasses() throws InterruptedException {
        List<Long> due = addFeeds(1);

        ClaimedFeeds claimed = one.claims.claimDue(10, SHORT);
        ClaimedFeeds meanwhile = two.claims.claimDue(10, SHORT);

        assertEquals(due, ids(claimed));
        assertEquals(List.of(), ids(meanwhile));
        assertEquals(due, ids(await(() -> two.claims.claimDue(10, SHORT))), "due again once the lease passed");
    }

    @Test
    void aFeedWhoseFetchIsNeverRecordedIsClaimedAgainAfterTheLease() throws InterruptedException {
        List<Long> due = addFeeds(3);
        one.claims.claimDue(10, SHORT);
        // The node that claimed them is killed: nothing is recorded, nothing given back.
        one.close();
        one = new ClusterNode(dir, 2);

        ClaimedFeeds again = await(() -> two.claims.claimDue(10, LONG));

        assertEquals(new HashSet<>(due), new HashSet<>(ids(again)));
    }

    @Test
    void aFeedGivenBackIsDueAtOnce() {
        List<Long> due = addFeeds(2);
        ClaimedFeeds claimed = one.claims.claimDue(10, LONG);

        one.claims.giveBack(claimed.feeds(), claimed.leaseUntil());

        assertEquals(new HashSet<>(due), new HashSet<>(ids(two.claims.claimDue(10, LONG))));
        assertTrue(one.feeds.find(due.get(0)).orElseThrow().nextFetchAt().isAfter(Instant.now()),
                "leased again by the second claim");
    }

    /** The first non-empty claim, tried until ten seconds have passed. */
    private static ClaimedFeeds await(Supplier<ClaimedFeeds> claim) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ClaimedFeeds c = claim.get();
        while (c.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            c = claim.get();
        }
        return c;
    }
}
