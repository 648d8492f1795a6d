package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundKind;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/** Mail events and what they do to subscribers, on H2 and (the on-postgresql run) PostgreSQL. */
class MailEventStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SubscriberStore subscribers;
    private IssueStore issues;
    private DeliveryStore deliveries;
    private MailEventStore events;
    private int keys;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        subscribers = new SubscriberStore(db);
        issues = new IssueStore(db);
        deliveries = new DeliveryStore(db);
        events = new MailEventStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Subscriber active(String email) {
        return subscribers.add(new NewSubscriber(EmailAddress.parse(email), null, List.of(), SubscriberStatus.ACTIVE),
                NOW).subscriber();
    }

    /** The next issue, its ledger made of the active subscribers; sent to those given. */
    private Issue issue(int number, Subscriber... deliveredTo) {
        Instant at = NOW.plus(Duration.ofDays(7L * number));
        Issue i = issues.create(new NewIssue(new Issue(0, number, at.minus(Duration.ofDays(7)), at, "Issue " + number),
                "<p>web</p>", List.of()), at);
        for (Subscriber s : deliveredTo) {
            assertTrue(deliveries.markSent(i.id(), s.id(), "<m" + number + "@example.org>", at));
        }
        subscribers.resetRefusalsOfDelivered(i.id());
        return i;
    }

    private NewMailEvent report(Subscriber s, Issue i, String status) {
        return new NewMailEvent(s.id(), i == null ? null : i.id(), i == null ? null : i.number(), status,
                "550 mailbox unavailable", "key-" + (++keys));
    }

    private SubscriberStatus status(Subscriber s) {
        return subscribers.find(s.id()).orElseThrow().status();
    }

    private int softBounces(Subscriber s) {
        return db.query("read soft bounces", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT soft_bounces FROM subscribers WHERE id = ?")) {
                ps.setLong(1, s.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private Instant complainedAt(Subscriber s) {
        return db.query("read complaint", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT complained_at FROM subscribers WHERE id = ?")) {
                ps.setLong(1, s.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Sql.instant(rs, 1);
                }
            }
        });
    }

    @Test
    void hardBounceBouncesAtOnceAndKeepsTheAddressOutOfTheNextLedger() {
        Subscriber ana = active("ana@example.org");
        Subscriber ben = active("ben@example.org");
        Issue first = issue(1, ana, ben);

        assertTrue(events.hardBounce(report(ana, first, "5.1.1"), NOW));

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(Optional.of(InboundKind.HARD_BOUNCE),
                subscribers.suppressions().find(ana.email()).map(Suppressions.Suppression::reason));
        // Made active again by hand: the suppression still keeps the address out.
        subscribers.setStatus(ana.id(), SubscriberStatus.ACTIVE, NOW);
        assertEquals(1, deliveries.counts(issue(2).id()).pending());
    }

    @Test
    void theSameReportTwiceRecordsOneEventAndCountsOneSoftBounce() {
        Subscriber ana = active("ana@example.org");
        Issue first = issue(1, ana);
        NewMailEvent once = report(ana, first, "4.2.2");

        assertTrue(events.softBounce(once, 3, NOW));
        assertFalse(events.softBounce(once, 3, NOW.plusSeconds(60)));

        assertEquals(1, events.ofSubscriber(ana.id(), 50).size());
        assertEquals(1, softBounces(ana));
        assertEquals(1L, events.totals().get(InboundKind.SOFT_BOUNCE));
    }

    @Test
    void softBouncesOfThreeIssuesInARowBounceAndTwoOfOneIssueCountOnce() {
        Subscriber ana = active("ana@example.org");
        Issue one = issue(1, ana);
        events.softBounce(report(ana, one, "4.2.2"), 3, NOW);
        events.softBounce(report(ana, one, "4.4.7"), 3, NOW);
        Issue two = issue(2, ana);
        events.softBounce(report(ana, two, "4.2.2"), 3, NOW);
        assertEquals(2, softBounces(ana));
        assertEquals(SubscriberStatus.ACTIVE, status(ana));

        Issue three = issue(3, ana);
        events.softBounce(report(ana, three, "4.2.2"), 3, NOW);

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(Optional.empty(), subscribers.suppressions().find(ana.email()), "soft bounces do not suppress");
    }

    @Test
    void anIssueDeliveredBetweenSoftBouncesStartsTheRowAgain() {
        Subscriber ana = active("ana@example.org");
        events.softBounce(report(ana, issue(1, ana), "4.2.2"), 3, NOW);
        events.softBounce(report(ana, issue(2, ana), "4.2.2"), 3, NOW);
        issue(3, ana);
        Issue four = issue(4, ana);

        assertEquals(0, softBounces(ana), "issue 3 came back from no one by the time issue 4 went out");
        events.softBounce(report(ana, four, "4.2.2"), 3, NOW);

        assertEquals(1, softBounces(ana));
        assertEquals(SubscriberStatus.ACTIVE, status(ana));
    }

    @Test
    void complaintUnsubscribesMarksAndSuppressesUntilAConfirmedSignUp() {
        Subscriber ana = active("ana@example.org");
        Issue first = issue(1, ana);

        assertTrue(events.complaint(report(ana, first, null), NOW));

        assertEquals(SubscriberStatus.UNSUBSCRIBED, status(ana));
        assertEquals(NOW, complainedAt(ana));
        assertEquals(List.of("ana@example.org"),
                List.copyOf(subscribers.suppressions().among(List.of(ana.email(), EmailAddress.parse("b@example.org")))));
        assertEquals(0, deliveries.counts(issue(2).id()).pending());

        subscribers.setStatus(ana.id(), SubscriberStatus.PENDING, NOW);
        assertTrue(subscribers.confirm(ana.id(), NOW.minusSeconds(60), NOW.plusSeconds(60)));

        assertEquals(Optional.empty(), subscribers.suppressions().find(ana.email()));
        assertEquals(1, deliveries.counts(issue(3).id()).pending());
    }

    @Test
    void unsubscribeByMailUnsubscribesOnceAndKeepsTheFirstDate() {
        Subscriber ana = active("ana@example.org");

        assertTrue(events.unsubscribe(report(ana, null, null), NOW));
        events.unsubscribe(report(ana, null, null), NOW.plusSeconds(3600));

        Subscriber after = subscribers.find(ana.id()).orElseThrow();
        assertEquals(SubscriberStatus.UNSUBSCRIBED, after.status());
        assertEquals(NOW, after.unsubscribedAt());
        assertEquals(Optional.empty(), subscribers.suppressions().find(ana.email()));
    }

    @Test
    void eventsOfASubscriberComeNewestFirstAndBoundedAndCountPerIssue() {
        Subscriber ana = active("ana@example.org");
        Subscriber ben = active("ben@example.org");
        Issue first = issue(1, ana, ben);
        events.softBounce(report(ana, first, "4.2.2"), 3, NOW);
        events.hardBounce(report(ana, first, "5.1.1"), NOW.plusSeconds(60));
        events.complaint(report(ben, first, null), NOW.plusSeconds(120));
        events.unsubscribe(report(ben, null, null), NOW.plusSeconds(180));

        List<MailEventStore.MailEvent> newest = events.ofSubscriber(ana.id(), 1);

        assertEquals(List.of(new MailEventStore.MailEvent(InboundKind.HARD_BOUNCE, 1, "5.1.1",
                "550 mailbox unavailable", NOW.plusSeconds(60))), newest);
        assertEquals(2, events.ofSubscriber(ana.id(), 50).size());
        assertEquals(null, events.ofSubscriber(ben.id(), 1).get(0).issueNumber(), "an unsubscribe names no issue");
        assertEquals(Map.of(first.id(), new MailEventCounts(1, 1, 1)), events.perIssue(List.of(first.id(), 99L)));
        assertEquals(Map.of(InboundKind.HARD_BOUNCE, 1L, InboundKind.SOFT_BOUNCE, 1L, InboundKind.COMPLAINT, 1L,
                InboundKind.UNSUBSCRIBE, 1L, InboundKind.OTHER, 0L), events.totals());
        events.countIgnored();
        assertEquals(1L, events.totals().get(InboundKind.OTHER), "a message left alone is counted, not stored");
        assertEquals(2, events.ofSubscriber(ana.id(), 50).size());
    }
}
