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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;

/**
 * Attempts per client, counted in the database: two nodes (two pools on one database) counting
 * the same client add up, the limit trips at the same count wherever the attempts come from, and
 * a new window opens once the first has passed.
 */
class ClientAttemptsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final AttemptLimit LOGIN = new AttemptLimit("login", 5, Duration.ofMinutes(15));
    private static final AttemptLimit SIGNUP = new AttemptLimit("signup", 5, Duration.ofMinutes(10));
    private static final String CLIENT = "192.0.2.7";

    @TempDir
    Path dir;
    private Database db;
    private Database otherNode;
    private ClientAttempts attempts;
    private ClientAttempts elsewhere;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        otherNode = TestDatabase.open(dir);
        attempts = new ClientAttempts(db);
        elsewhere = new ClientAttempts(otherNode);
    }

    @AfterEach
    void close() {
        otherNode.close();
        db.close();
    }

    @Test
    void theLimitTripsAtTheSameCountWhicheverNodeCounts() {
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ClientAttempts node = i % 2 == 0 ? attempts : elsewhere;
            allowed.add(node.count(LOGIN, CLIENT, NOW.plusSeconds(i)));
        }

        assertEquals(List.of(true, true, true, true, true, false, false), allowed);
    }

    @Test
    void attemptsCountedAtOnceOnTwoNodesAddUpAndNoneIsLost() throws Exception {
        AttemptLimit many = new AttemptLimit("signup", 1000, Duration.ofMinutes(10));
        int perNode = 100;

        int allowed = countAtOnce(many, perNode);

        assertEquals(2 * perNode, allowed);
        assertEquals(2 * perNode, stored(many, CLIENT));
    }

    @Test
    void attemptsRacingOnTwoNodesPastTheLimitLetExactlyTheLimitThrough() throws Exception {
        int allowed = countAtOnce(LOGIN, 20);

        assertEquals(LOGIN.max(), allowed);
        assertEquals(LOGIN.max(), stored(LOGIN, CLIENT));
    }

    @Test
    void aNewWindowOpensOnceTheFirstHasPassed() {
        for (int i = 0; i < LOGIN.max(); i++) {
            assertTrue(attempts.count(LOGIN, CLIENT, NOW));
        }
        Instant end = NOW.plus(LOGIN.window());

        boolean justBefore = elsewhere.count(LOGIN, CLIENT, end.minusMillis(1));
        boolean atTheEnd = elsewhere.count(LOGIN, CLIENT, end);

        assertFalse(justBefore);
        assertTrue(atTheEnd);
        assertEquals(1, stored(LOGIN, CLIENT));
    }

    @Test
    void aRefusedAttemptDoesNotCount() {
        for (int i = 0; i < 8; i++) {
            attempts.count(LOGIN, CLIENT, NOW);
        }

        assertEquals(LOGIN.max(), stored(LOGIN, CLIENT));
    }

    @Test
    void limitsAndClientsAreCountedApart() {
        for (int i = 0; i < LOGIN.max(); i++) {
            attempts.count(LOGIN, CLIENT, NOW);
        }

        assertFalse(attempts.count(LOGIN, CLIENT, NOW));
        assertTrue(attempts.count(SIGNUP, CLIENT, NOW));
        assertTrue(attempts.count(LOGIN, "2001:db8::1", NOW));
    }

    @Test
    void forgettingAClientGivesItAFreshWindowOnEveryNode() {
        for (int i = 0; i < LOGIN.max(); i++) {
            attempts.count(LOGIN, CLIENT, NOW);
        }

        elsewhere.forget(LOGIN, CLIENT);

        assertTrue(attempts.count(LOGIN, CLIENT, NOW));
        assertEquals(1, stored(LOGIN, CLIENT));
    }

    @Test
    void aNewClientPurgesABoundedBatchOfPassedWindows() {
        int passed = ClientAttempts.PURGE_BATCH + 20;
        for (int i = 0; i < passed; i++) {
            attempts.count(SIGNUP, "198.51.100." + i, NOW.minus(SIGNUP.window()).minusSeconds(passed - i));
        }
        attempts.count(LOGIN, CLIENT, NOW.minus(Duration.ofDays(1)));

        attempts.count(SIGNUP, "203.0.113.2", NOW);

        // Each of those was within the window of the ones before it when counted: none purged any.
        assertEquals(passed - ClientAttempts.PURGE_BATCH + 1, rows("signup"));
        assertEquals(1, rows("login"));
    }

    /** Counts attempts of one client from both nodes at once; how many were allowed. */
    private int countAtOnce(AttemptLimit limit, int perNode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2 * perNode; i++) {
                ClientAttempts node = i % 2 == 0 ? attempts : elsewhere;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return node.count(limit, CLIENT, NOW);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> r : results) {
                allowed += r.get() ? 1 : 0;
            }
            return allowed;
        } finally {
            pool.shutdownNow();
        }
    }

    private int stored(AttemptLimit limit, String client) {
        return number("SELECT attempts FROM client_attempts WHERE scope = ? AND client = ?", limit.scope(), client);
    }

    private int rows(String scope) {
        return number("SELECT COUNT(*) FROM client_attempts WHERE scope = ?", scope);
    }

    /** The first column of the first row, or 0 without one. */
    private int number(String sql, Object... values) {
        return db.query("read a number", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
