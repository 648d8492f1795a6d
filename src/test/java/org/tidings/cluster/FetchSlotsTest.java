package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.store.Database;
import org.tidings.store.FetchSlots;
import org.tidings.store.HostSlot;

/** The hosts' request slots, shared by two nodes on one database. */
class FetchSlotsTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private Database one;
    private Database two;

    @BeforeEach
    void open() {
        one = TestDatabase.open(dir);
        two = TestDatabase.open(dir);
    }

    @AfterEach
    void close() {
        two.close();
        one.close();
    }

    @Test
    void aHostHasPerHostSlotsAmongAllNodes() {
        FetchSlots a = new FetchSlots(one, 2, LONG);
        FetchSlots b = new FetchSlots(two, 2, LONG);

        Optional<HostSlot> first = a.take("slow.example");
        Optional<HostSlot> second = b.take("slow.example");
        Optional<HostSlot> third = b.take("slow.example");
        Optional<HostSlot> otherHost = a.take("fast.example");

        assertTrue(first.isPresent() && second.isPresent() && otherHost.isPresent());
        assertEquals(Optional.empty(), third);
    }

    @Test
    void aReleasedSlotIsFreeForAnyNode() {
        FetchSlots a = new FetchSlots(one, 1, LONG);
        FetchSlots b = new FetchSlots(two, 1, LONG);
        HostSlot held = a.take("slow.example").orElseThrow();

        a.release(held);

        assertTrue(b.take("slow.example").isPresent());
    }

    @Test
    void anExpiredSlotIsTakenOverAndItsOldHolderCannotFreeIt() throws InterruptedException {
        FetchSlots killed = new FetchSlots(one, 1, Duration.ofMillis(300));
        FetchSlots b = new FetchSlots(two, 1, LONG);
        HostSlot stale = killed.take("slow.example").orElseThrow();
        assertEquals(Optional.empty(), b.take("slow.example"));

        Optional<HostSlot> takenOver = Optional.empty();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (takenOver.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            takenOver = b.take("slow.example");
        }
        killed.release(stale);

        assertTrue(takenOver.isPresent(), "taken over once the lease passed");
        assertEquals(Optional.empty(), new FetchSlots(one, 1, LONG).take("slow.example"),
                "still held by the node that took it over");
    }
}
