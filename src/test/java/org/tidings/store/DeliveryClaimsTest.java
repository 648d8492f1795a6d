package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.NodeId;
import org.tidings.model.SubscriberStatus;

/** Deliveries claimed by nodes that share the database: on H2 and on PostgreSQL. */
class DeliveryClaimsTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final NodeId A = new NodeId("a:1:aaaaa");
    private static final NodeId B = new NodeId("b:2:bbbbb");

    @TempDir
    Path dir;
    private Database db;
    private long issue;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        SubscriberStore subscribers = new SubscriberStore(db);
        List<NewSubscriber> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(new NewSubscriber(EmailAddress.parse("reader" + i + "@example.org"), null, List.of(),
                    SubscriberStatus.ACTIVE));
        }
        subscribers.addAll(batch, NOW);
        issue = new IssueStore(db).create(new NewIssue(new Issue(0, 1, NOW, NOW, "Issue 1"), "<html></html>",
                List.of()), NOW).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DeliveryClaims node(NodeId id) {
        return new DeliveryClaims(db, id, false);
    }

    @Test
    void twoNodesClaimingAtOnceGetEachDeliveryOnceBetweenThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = pool.submit(claimAll(node(A)));
            Future<List<Long>> b = pool.submit(claimAll(node(B)));
            List<Long> byA = a.get();
            List<Long> byB = b.get();

            Set<Long> both = new HashSet<>(byA);
            both.retainAll(byB);
            assertEquals(Set.of(), both, "claimed by both nodes");
            assertEquals(200, byA.size() + byB.size());
            assertEquals(200, new HashSet<Long>() {{ addAll(byA); addAll(byB); }}.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<List<Long>> claimAll(DeliveryClaims claims) {
        return () -> {
            List<Long> mine = new ArrayList<>();
            for (DeliveryClaims.Claim c; !(c = claims.claim(issue, 0, 7, HOUR, NOW)).isEmpty(); ) {
                c.due().forEach(d -> mine.add(d.subscriberId()));
            }
            return mine;
        };
    }

    @Test
    void aClaimIsNoOtherNodesUntilItsLeaseLapsesThenItIs() throws Exception {
        List<DeliveryStore.Due> heldByA = node(A).claim(issue, 0, 500, SHORT, NOW).due();

        DeliveryClaims.Claim whileHeld = node(B).claim(issue, 0, 500, HOUR, NOW);
        Thread.sleep(SHORT.toMillis() + 200);
        DeliveryClaims.Claim afterLapse = node(B).claim(issue, 0, 500, HOUR, NOW);

        assertEquals(200, heldByA.size());
        assertTrue(whileHeld.isEmpty());
        assertEquals(ids(heldByA), ids(afterLapse.due()));
        assertEquals(0, afterLapse.inDoubt());
    }

    @Test
    void onlyTheNodeHoldingARowHandsItOverOrRecordsIt() {
        long first = node(A).claim(issue, 0, 1, HOUR, NOW).due().get(0).subscriberId();

        assertFalse(node(B).handOver(issue, first, NOW));
        assertFalse(new DeliveryStore(db, B).markSent(issue, first, "<m@b>", NOW));
        assertTrue(node(A).handOver(issue, first, NOW));
        assertFalse(node(A).handOver(issue, first, NOW), "handed over once per claim");
        assertTrue(new DeliveryStore(db, A).markSent(issue, first, "<m@a>", NOW));
        assertEquals("sent", status(first));
    }

    @Test
    void aLapsedRowAlreadyHandedToSmtpIsCountedInDoubtAndNeverClaimedToSendAgain() throws Exception {
        List<DeliveryStore.Due> claimed = node(A).claim(issue, 0, 3, SHORT, NOW).due();
        long handed = claimed.get(0).subscriberId();
        node(A).handOver(issue, handed, NOW);
        Thread.sleep(SHORT.toMillis() + 200);

        DeliveryClaims.Claim taken = node(B).claim(issue, 0, 3, HOUR, NOW);

        assertEquals(1, taken.inDoubt());
        assertEquals(2, taken.due().size());
        assertFalse(ids(taken.due()).contains(handed));
        assertEquals("failed", status(handed));
        assertTrue(lastError(handed).startsWith("in doubt: node a:1:aaaaa"), lastError(handed));
        assertEquals(new DeliveryCounts(199, 0, 1, 0), new DeliveryStore(db).counts(issue), "claimed rows stay pending");
    }

    @Test
    void aNodeSendingAloneTakesADeadProcesssClaimsWithoutWaitingForTheirLease() {
        List<DeliveryStore.Due> dead = new DeliveryClaims(db, A, true).claim(issue, 0, 2, HOUR, NOW).due();
        new DeliveryClaims(db, A, true).handOver(issue, dead.get(0).subscriberId(), NOW);

        DeliveryClaims.Claim restarted = new DeliveryClaims(db, B, true).claim(issue, 0, 2, HOUR, NOW);

        assertEquals(1, restarted.inDoubt());
        assertEquals(List.of(dead.get(1).subscriberId()), ids(restarted.due()));
    }

    @Test
    void releasingGivesBackWhatWasNotHandedOverAndADeferralGivesUpTheClaim() {
        List<DeliveryStore.Due> claimed = node(A).claim(issue, 0, 3, HOUR, NOW).due();
        node(A).handOver(issue, claimed.get(0).subscriberId(), NOW);
        new DeliveryStore(db, A).markDeferred(issue, claimed.get(1).subscriberId(), "421 busy", NOW, NOW);

        node(A).release(issue);
        DeliveryClaims.Claim byB = node(B).claim(issue, 0, 500, HOUR, NOW);

        assertEquals(199, byB.due().size());
        assertFalse(ids(byB.due()).contains(claimed.get(0).subscriberId()), "handed over: still A's");
        assertTrue(ids(byB.due()).contains(claimed.get(1).subscriberId()), "deferred: anyone's when due");
        assertTrue(node(B).anyPending(issue));
    }

    private static List<Long> ids(List<DeliveryStore.Due> due) {
        return due.stream().map(DeliveryStore.Due::subscriberId).toList();
    }

    private String status(long subscriberId) {
        return column("status", subscriberId);
    }

    private String lastError(long subscriberId) {
        return column("last_error", subscriberId);
    }

    private String column(String name, long subscriberId) {
        return db.query("read ledger", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + name + " FROM deliveries"
                    + " WHERE issue_id = ? AND subscriber_id = ?")) {
                ps.setLong(1, issue);
                ps.setLong(2, subscriberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
