package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.SubscriberStatus;

class DeliveryStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private DeliveryStore deliveries;
    private IssueStore issues;

    @BeforeEach
    void open() {
        db = StoreFixture.open(dir);
        deliveries = new DeliveryStore(db);
        issues = new IssueStore(db);
        SubscriberStore subscribers = new SubscriberStore(db);
        for (String name : List.of("ana", "ben", "cleo")) {
            subscribers.add(new NewSubscriber(EmailAddress.parse(name + "@example.org"), null, List.of(),
                    SubscriberStatus.ACTIVE), NOW);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUnfinishedIssueIsCountedAndAFinishedOneKeepsTheCountsItCompletedWith() {
        Issue first = issue(1);
        Issue second = issue(2);
        List<DeliveryStore.Due> due = deliveries.duePage(first.id(), 0, NOW, 10);
        deliveries.markSent(first.id(), due.get(0).subscriberId(), "<m1@x>", NOW);
        deliveries.markFailed(first.id(), due.get(1).subscriberId(), "550 no such user", NOW);
        deliveries.markSkipped(first.id(), due.get(2).subscriberId(), "nothing new", NOW);
        issues.complete(first.id(), deliveries.counts(first.id()), NOW);
        // The ledger of a finished issue is not read again: its stored counts answer.
        db.query("clear the ledger", c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM deliveries WHERE issue_id = " + first.id());
            }
        });

        Map<Long, DeliveryCounts> counts = deliveries.counts(List.of(first.id(), second.id()));

        assertEquals(new DeliveryCounts(0, 1, 1, 1), counts.get(first.id()));
        assertEquals(new DeliveryCounts(3, 0, 0, 0), counts.get(second.id()));
    }

    private Issue issue(int number) {
        return issues.create(new NewIssue(new Issue(0, number, NOW, NOW, "Issue " + number), "<html></html>",
                List.of()), NOW);
    }
}
