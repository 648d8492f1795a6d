package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pacing against a hand-driven clock: no test here waits. */
class SendPacerTest {
    private static final long MS = 1_000_000;

    /** A clock that moves only when told to, or when a sleeper sleeps (if {@code sleepAdvances}). */
    private static final class ManualTicker implements SendPacer.Ticker {
        final List<Long> sleeps = new ArrayList<>();
        final boolean sleepAdvances;
        long now = 123_456_789;

        ManualTicker(boolean sleepAdvances) {
            this.sleepAdvances = sleepAdvances;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sleeps.add(nanos / MS);
            if (sleepAdvances) {
                now += nanos;
            }
        }
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void spacesSendsEvenly() {
        ManualTicker ticker = new ManualTicker(true);
        SendPacer pacer = SendPacer.perSecond(2, ticker);

        for (int i = 0; i < 4; i++) {
            assertTrue(pacer.awaitTurn());
        }

        assertEquals(List.of(500L, 500L, 500L), ticker.sleeps);
    }

    @Test
    void eachOfSeveralNodesKeepsToItsShareOfTheRateAsTheirNumberChanges() {
        ManualTicker ticker = new ManualTicker(true);
        java.util.concurrent.atomic.AtomicInteger nodes = new java.util.concurrent.atomic.AtomicInteger(2);
        SendPacer pacer = SendPacer.perSecond(10, nodes::get, ticker);

        pacer.awaitTurn();
        pacer.awaitTurn();
        nodes.set(4);
        pacer.awaitTurn();
        pacer.awaitTurn();

        // 10/s among 2 nodes is 5/s here, one per 200 ms; among 4, 2.5/s, one per 400 ms.
        assertEquals(List.of(200L, 200L, 400L), ticker.sleeps);
    }

    @Test
    void sharesSlotsBetweenCallersArrivingTogether() {
        ManualTicker ticker = new ManualTicker(false);
        SendPacer pacer = SendPacer.perSecond(4, ticker);

        for (int i = 0; i < 4; i++) {
            pacer.awaitTurn();
        }

        assertEquals(List.of(250L, 500L, 750L), ticker.sleeps);
    }

    @Test
    void goesAtOnceAfterAQuietSpellWithoutSavingUpABurst() {
        ManualTicker ticker = new ManualTicker(true);
        SendPacer pacer = SendPacer.perSecond(1, ticker);
        pacer.awaitTurn();

        ticker.now += 10_000 * MS;
        pacer.awaitTurn();
        pacer.awaitTurn();

        assertEquals(List.of(1000L), ticker.sleeps);
    }

    @Test
    void zeroMeansUnlimited() {
        ManualTicker ticker = new ManualTicker(true);
        SendPacer pacer = SendPacer.perSecond(0, ticker);

        for (int i = 0; i < 100; i++) {
            assertTrue(pacer.awaitTurn());
        }

        assertEquals(List.of(), ticker.sleeps);
    }

    @Test
    void reportsInterruptWhileWaiting() {
        ManualTicker ticker = new ManualTicker(true);
        SendPacer pacer = SendPacer.perSecond(1, ticker);
        pacer.awaitTurn();

        Thread.currentThread().interrupt();

        assertFalse(pacer.awaitTurn());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void refusesNegativeRate() {
        assertThrows(IllegalArgumentException.class, () -> SendPacer.perSecond(-1, SendPacer.SYSTEM));
    }
}
