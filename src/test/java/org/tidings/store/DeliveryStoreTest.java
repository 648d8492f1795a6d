package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.SubscriberStatus;

class DeliveryStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant RETRY_AT = NOW.plus(Duration.ofMinutes(5));

    @TempDir
    Path dir;
    private Database db;
    private DeliveryStore deliveries;
    private IssueStore issues;
    private List<Long> ids;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        deliveries = new DeliveryStore(db);
        issues = new IssueStore(db);
        SubscriberStore subscribers = new SubscriberStore(db);
        ids = new ArrayList<>();
        for (String name : List.of("ana", "ben", "cleo")) {
            ids.add(subscribers.add(new NewSubscriber(EmailAddress.parse(name + "@example.org"), null, List.of(),
                    SubscriberStatus.ACTIVE), NOW).subscriber().id());
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

    @Test
    void countsOfAnIssueWithoutALedgerAreZeroAndOfNoIssuesEmpty() {
        assertEquals(DeliveryCounts.NONE, deliveries.counts(999L));
        assertEquals(Map.of(), deliveries.counts(List.of()));
    }

    @Test
    void duePagesGoBySubscriberFromAKeyWithinOneIssue() {
        Issue issue = issue(1);
        issue(2);

        List<DeliveryStore.Due> first = deliveries.duePage(issue.id(), 0, NOW, 2);
        List<DeliveryStore.Due> second = deliveries.duePage(issue.id(), first.get(1).subscriberId(), NOW, 2);

        assertEquals(List.of(new DeliveryStore.Due(ids.get(0), 0), new DeliveryStore.Due(ids.get(1), 0)), first);
        assertEquals(List.of(new DeliveryStore.Due(ids.get(2), 0)), second);
        assertEquals(List.of(), deliveries.duePage(issue.id(), ids.get(2), NOW, 2));
    }

    @Test
    void onlyPendingDeliveriesAreDue() {
        Issue issue = issue(1);

        deliveries.markSent(issue.id(), ids.get(0), "<m1@x>", NOW);
        deliveries.markSkipped(issue.id(), ids.get(2), "nothing new", NOW);

        assertEquals(List.of(new DeliveryStore.Due(ids.get(1), 0)), deliveries.duePage(issue.id(), 0, NOW, 10));
    }

    @Test
    void aDeferredDeliveryStaysPendingAndIsDueAgainAtItsRetryTime() {
        Issue issue = issue(1);

        deliveries.markDeferred(issue.id(), ids.get(0), "421 try later", RETRY_AT, NOW);

        assertEquals(List.of(ids.get(1), ids.get(2)), subscriberIds(deliveries.duePage(issue.id(), 0, NOW, 10)));
        assertEquals(RETRY_AT, deliveries.nextRetry(issue.id()));
        assertEquals(new DeliveryStore.Due(ids.get(0), 1), deliveries.duePage(issue.id(), 0, RETRY_AT, 10).get(0));
        assertEquals(new DeliveryCounts(3, 0, 0, 0), deliveries.counts(issue.id()));
    }

    @Test
    void theNextRetryIsTheEarliestOfThePendingOnesAndNoneWhenNothingWaits() {
        Issue issue = issue(1);
        Instant nothingWaiting = deliveries.nextRetry(issue.id());
        deliveries.markDeferred(issue.id(), ids.get(0), "421", RETRY_AT.plusSeconds(60), NOW);
        deliveries.markDeferred(issue.id(), ids.get(1), "421", RETRY_AT, NOW);
        Instant earliest = deliveries.nextRetry(issue.id());
        deliveries.markSent(issue.id(), ids.get(1), "<m2@x>", RETRY_AT);

        assertNull(nothingWaiting);
        assertEquals(RETRY_AT, earliest);
        assertEquals(RETRY_AT.plusSeconds(60), deliveries.nextRetry(issue.id()), "a sent delivery waits no more");
    }

    @Test
    void aDeliveryIsMarkedOnceAndALateDuplicateChangesNothing() {
        Issue issue = issue(1);
        deliveries.markSent(issue.id(), ids.get(0), "<first@x>", NOW);

        deliveries.markSent(issue.id(), ids.get(0), "<second@x>", NOW.plusSeconds(1));
        deliveries.markFailed(issue.id(), ids.get(0), "550 late", NOW.plusSeconds(2));
        deliveries.markSkipped(issue.id(), ids.get(0), "late", NOW.plusSeconds(3));
        deliveries.markDeferred(issue.id(), ids.get(0), "421 late", RETRY_AT, NOW.plusSeconds(4));

        assertEquals(new Ledger("sent", 1, null, "<first@x>", null), ledger(issue, ids.get(0)));
        assertEquals(new DeliveryCounts(2, 1, 0, 0), deliveries.counts(issue.id()));
    }

    @Test
    void eachOutcomeIsRecordedWithWhatExplainsIt() {
        Issue issue = issue(1);
        deliveries.markDeferred(issue.id(), ids.get(0), "421 busy", RETRY_AT, NOW);

        deliveries.markSent(issue.id(), ids.get(0), "<m1@x>", RETRY_AT);
        deliveries.markFailed(issue.id(), ids.get(1), "550 " + "no such user ".repeat(200), NOW);
        deliveries.markSkipped(issue.id(), ids.get(2), "nothing new", NOW);

        assertEquals(new Ledger("sent", 2, null, "<m1@x>", null), ledger(issue, ids.get(0)));
        Ledger failed = ledger(issue, ids.get(1));
        assertEquals("failed", failed.status());
        assertEquals(1, failed.attempts());
        assertEquals(2000, failed.lastError().length(), "an error longer than the column is cut");
        assertEquals(new Ledger("skipped", 0, "nothing new", null, null), ledger(issue, ids.get(2)));
    }

    private Issue issue(int number) {
        return issues.create(new NewIssue(new Issue(0, number, NOW, NOW, "Issue " + number), "<html></html>",
                List.of()), NOW);
    }

    private static List<Long> subscriberIds(List<DeliveryStore.Due> due) {
        return due.stream().map(DeliveryStore.Due::subscriberId).toList();
    }

    /** One ledger row as stored, for what the store's reads do not show. */
    private record Ledger(String status, int attempts, String lastError, String messageId, Instant nextAttemptAt) {
    }

    private Ledger ledger(Issue issue, long subscriberId) {
        return db.query("read a delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, attempts, last_error, message_id,"
                    + " next_attempt_at FROM deliveries WHERE issue_id = ? AND subscriber_id = ?")) {
                ps.setLong(1, issue.id());
                ps.setLong(2, subscriberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Ledger(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            Sql.instant(rs, "next_attempt_at"));
                }
            }
        });
    }
}
