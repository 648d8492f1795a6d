package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

class SubscriberStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(2));

    @TempDir
    Path dir;
    private Database db;
    private SubscriberStore subscribers;
    private SubscriberList list;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        subscribers = new SubscriberStore(db);
        list = new SubscriberList(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static NewSubscriber pending(String email) {
        return new NewSubscriber(EmailAddress.parse(email), null, List.of(), SubscriberStatus.PENDING);
    }

    private static NewSubscriber active(String email) {
        return new NewSubscriber(EmailAddress.parse(email), null, List.of(), SubscriberStatus.ACTIVE);
    }

    private Subscriber add(NewSubscriber s) {
        return subscribers.add(s, NOW).subscriber();
    }

    private Subscriber reload(Subscriber s) {
        return subscribers.find(s.id()).orElseThrow();
    }

    private static List<String> emails(List<Subscriber> list) {
        return list.stream().map(s -> s.email().value()).toList();
    }

    @Test
    void addsAPendingSubscriberWithItsChoicesAndAnUnguessableToken() {
        SubscriberStore.Added added = subscribers.add(new NewSubscriber(EmailAddress.parse(" Ana.Nunez@Example.ORG "),
                "  Ana Núñez ", List.of("Politik", "Culture"), SubscriberStatus.PENDING), NOW);

        Subscriber s = added.subscriber();
        assertTrue(added.created());
        assertEquals("ana.nunez@example.org", s.email().value());
        assertEquals("Ana Núñez", s.name());
        assertEquals(List.of("Politik", "Culture"), s.categories());
        assertEquals(SubscriberStatus.PENDING, s.status());
        assertEquals(NOW, s.createdAt());
        assertNull(s.confirmedAt());
        assertTrue(s.token().matches("[A-Za-z0-9_-]{32}"), s.token());
        assertEquals(Optional.of(s), subscribers.findByToken(s.token()));
    }

    @Test
    void anActiveSubscriberAddedByAnAdminIsConfirmedAtOnce() {
        Subscriber s = add(active("ben@example.org"));

        assertEquals(SubscriberStatus.ACTIVE, s.status());
        assertEquals(NOW, s.confirmedAt());
    }

    @Test
    void aKnownAddressInAnyCaseKeepsItsRecordAndStatus() {
        Subscriber first = add(pending("ana@example.org"));
        subscribers.setStatus(first.id(), SubscriberStatus.UNSUBSCRIBED, NOW);

        SubscriberStore.Added again = subscribers.add(new NewSubscriber(EmailAddress.parse("ANA@Example.org"), "Ana",
                List.of("Sport"), SubscriberStatus.ACTIVE), LATER);

        assertFalse(again.created());
        assertEquals(first.id(), again.subscriber().id());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, again.subscriber().status());
        assertNull(again.subscriber().name());
        assertEquals(first.token(), again.subscriber().token());
        assertEquals(1, list.countMatching(""));
    }

    @Test
    void eachSubscriberGetsItsOwnToken() {
        Subscriber a = add(pending("ana@example.org"));
        Subscriber b = add(pending("ben@example.org"));

        assertNotEquals(a.token(), b.token());
    }

    @Test
    void findsBySomethingOnlyWhatExists() {
        Subscriber ana = add(pending("ana@example.org"));

        assertEquals(Optional.of(ana), subscribers.findByEmail(EmailAddress.parse("ana@example.org")));
        assertEquals(Optional.of(ana), subscribers.find(ana.id()));
        assertEquals(Optional.empty(), subscribers.findByEmail(EmailAddress.parse("ben@example.org")));
        assertEquals(Optional.empty(), subscribers.findByToken("no-such-token"));
        assertEquals(Optional.empty(), subscribers.find(ana.id() + 1));
    }

    @Test
    void addAllReportsEachGivenSubscriberInOrderAndAnAddressGivenTwiceIsAddedOnce() {
        Subscriber known = add(pending("ana@example.org"));

        List<SubscriberStore.Added> added = subscribers.addAll(List.of(active("ben@example.org"),
                active("ana@example.org"), active("cleo@example.org"), active("BEN@example.org")), NOW);

        assertEquals(List.of("ben@example.org", "ana@example.org", "cleo@example.org", "ben@example.org"),
                added.stream().map(a -> a.subscriber().email().value()).toList());
        assertEquals(List.of(true, false, true, false), added.stream().map(SubscriberStore.Added::created).toList());
        assertEquals(known, added.get(1).subscriber());
        assertEquals(added.get(0).subscriber(), added.get(3).subscriber());
        assertEquals(SubscriberStatus.ACTIVE, added.get(2).subscriber().status());
        assertEquals(3, list.countMatching(""));
        assertEquals(List.of(), subscribers.addAll(List.of(), NOW));
    }

    @Test
    void anImportThatLosesARaceForAnAddressRetriesAndReportsItKnown() {
        OtherRunCommitsFirst.beforeNextInsertInto(db, "subscribers", () -> add(pending("ben@example.org")));

        List<SubscriberStore.Added> added = subscribers.addAll(List.of(active("ben@example.org"),
                active("cleo@example.org")), NOW);

        assertEquals(1, OtherRunCommitsFirst.races());
        assertEquals(List.of(false, true), added.stream().map(SubscriberStore.Added::created).toList());
        assertEquals(SubscriberStatus.PENDING, added.get(0).subscriber().status());
        assertEquals(2, list.countMatching(""));
    }

    @Test
    void pagesByIdFromAKeyAndVisitsEveryoneOnceAcrossPages() {
        List<NewSubscriber> many = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            many.add(active("reader" + i + "@example.org"));
        }
        List<Long> ids = subscribers.addAll(many, NOW).stream().map(a -> a.subscriber().id()).toList();

        List<Subscriber> first = list.page(0, 2);
        List<Subscriber> second = list.page(first.get(1).id(), 2);
        List<Long> visited = new ArrayList<>();
        list.forEach(s -> visited.add(s.id()));

        assertEquals(ids.subList(0, 2), first.stream().map(Subscriber::id).toList());
        assertEquals(ids.subList(2, 4), second.stream().map(Subscriber::id).toList());
        assertEquals(List.of(), list.page(ids.get(ids.size() - 1), 2));
        assertEquals(ids.stream().sorted().toList(), visited);
    }

    @Test
    void searchFindsAddressesStartingWithTheTextInAnyCaseByAddressAfterAKey() {
        for (String email : List.of("anna@example.org", "ana@example.org", "bana@example.org", "anatole@example.org",
                "ben@example.org")) {
            add(pending(email));
        }

        List<Subscriber> first = list.search(" ANA", "", 2);
        List<Subscriber> second = list.search(" ANA", first.get(1).email().value(), 2);

        assertEquals(List.of("ana@example.org", "anatole@example.org"), emails(first));
        assertEquals(List.of(), emails(second));
        assertEquals(2, list.countMatching("Ana"));
        assertEquals(List.of("ana@example.org", "anatole@example.org", "anna@example.org"),
                emails(list.search("an", null, 10)));
        assertEquals(5, list.search("  ", "", 10).size());
        assertEquals(5, list.countMatching(null));
        assertEquals(0, list.countMatching("zoe"));
    }

    @Test
    void byIdsReturnsTheKnownOnesOfTheGivenIds() {
        Subscriber ana = add(pending("ana@example.org"));
        Subscriber ben = add(pending("ben@example.org"));
        add(pending("cleo@example.org"));

        List<Subscriber> found = subscribers.byIds(List.of(ben.id(), ana.id(), 999_999L)).subscribers();

        assertEquals(List.of(ana, ben), found.stream().sorted(java.util.Comparator.comparing(Subscriber::id)).toList());
        assertEquals(List.of(), subscribers.byIds(List.of()).subscribers());
    }

    @Test
    void countsEveryStatusEvenThoseNobodyHas() {
        add(pending("ana@example.org"));
        add(active("ben@example.org"));
        add(active("cleo@example.org"));

        assertEquals(Map.of(SubscriberStatus.PENDING, 1L, SubscriberStatus.ACTIVE, 2L, SubscriberStatus.UNSUBSCRIBED,
                0L, SubscriberStatus.BOUNCED, 0L), subscribers.countsByStatus());
    }

    @Test
    void unsubscribingStampsTheTimeAndComingBackKeepsTheFirstConfirmation() {
        Subscriber s = add(active("ana@example.org"));

        boolean left = subscribers.setStatus(s.id(), SubscriberStatus.UNSUBSCRIBED, LATER);
        Subscriber gone = reload(s);
        boolean back = subscribers.setStatus(s.id(), SubscriberStatus.ACTIVE, LATER.plusSeconds(60));
        Subscriber returned = reload(s);

        assertTrue(left);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, gone.status());
        assertEquals(LATER, gone.unsubscribedAt());
        assertTrue(back);
        assertEquals(SubscriberStatus.ACTIVE, returned.status());
        assertEquals(NOW, returned.confirmedAt());
        assertNull(returned.unsubscribedAt());
        assertFalse(subscribers.setStatus(s.id() + 1, SubscriberStatus.ACTIVE, LATER), "no such subscriber");
    }

    @Test
    void confirmActivatesAPendingSignupWithinItsWindowOnly() {
        Subscriber fresh = add(pending("ana@example.org"));
        Subscriber expired = add(pending("ben@example.org"));
        Subscriber active = add(active("cleo@example.org"));

        boolean confirmed = subscribers.confirm(fresh.id(), NOW, LATER);
        boolean tooLate = subscribers.confirm(expired.id(), NOW.plusSeconds(1), LATER);
        boolean already = subscribers.confirm(active.id(), NOW, LATER);

        assertTrue(confirmed);
        assertEquals(SubscriberStatus.ACTIVE, reload(fresh).status());
        assertEquals(LATER, reload(fresh).confirmedAt());
        assertFalse(tooLate);
        assertEquals(SubscriberStatus.PENDING, reload(expired).status());
        assertFalse(already);
        assertEquals(NOW, reload(active).confirmedAt());
    }

    @Test
    void signingUpAgainRestartsTheWindowToConfirm() {
        Subscriber s = add(pending("ana@example.org"));
        Instant windowStart = NOW.plus(Duration.ofDays(1));

        subscribers.setStatus(s.id(), SubscriberStatus.PENDING, LATER);
        boolean confirmed = subscribers.confirm(s.id(), windowStart, LATER.plusSeconds(60));

        assertTrue(confirmed);
        assertEquals(SubscriberStatus.ACTIVE, reload(s).status());
    }

    @Test
    void preferencesReplaceNameAndCategoriesAndABlankNameIsNone() {
        Subscriber s = add(new NewSubscriber(EmailAddress.parse("ana@example.org"), "Ana", List.of("Sport"),
                SubscriberStatus.ACTIVE));

        boolean renamed = subscribers.updatePreferences(s.id(), "  Ana Núñez ", List.of("Politik", "Kultur"));
        Subscriber named = reload(s);
        subscribers.updatePreferences(s.id(), "   ", List.of());
        Subscriber cleared = reload(s);

        assertTrue(renamed);
        assertEquals("Ana Núñez", named.name());
        assertEquals(List.of("Politik", "Kultur"), named.categories());
        assertNull(cleared.name());
        assertEquals(List.of(), cleared.categories());
        assertFalse(subscribers.updatePreferences(s.id() + 1, "X", List.of()), "no such subscriber");
    }

    @Test
    void theThirdRefusalInARowBouncesAnActiveSubscriberAndOnlyThat() {
        Subscriber s = add(active("ana@example.org"));

        List<Boolean> bounced = List.of(subscribers.recordRefusal(s.id(), 3), subscribers.recordRefusal(s.id(), 3),
                subscribers.recordRefusal(s.id(), 3), subscribers.recordRefusal(s.id(), 3));

        assertEquals(List.of(false, false, true, false), bounced);
        assertEquals(SubscriberStatus.BOUNCED, reload(s).status());
    }

    @Test
    void refusalsNeverBounceSomeoneWhoIsNotActive() {
        Subscriber s = add(active("ana@example.org"));
        subscribers.setStatus(s.id(), SubscriberStatus.UNSUBSCRIBED, NOW);

        subscribers.recordRefusal(s.id(), 1);

        assertEquals(SubscriberStatus.UNSUBSCRIBED, reload(s).status());
    }

    @Test
    void anIssueDeliveredStartsTheRefusalsAgainOnlyForThoseWhoReceivedIt() {
        Subscriber received = add(active("ana@example.org"));
        Subscriber refused = add(active("ben@example.org"));
        for (Subscriber s : List.of(received, refused)) {
            subscribers.recordRefusal(s.id(), 3);
            subscribers.recordRefusal(s.id(), 3);
        }
        Issue issue = new IssueStore(db).create(new NewIssue(new Issue(0, 1, NOW, NOW, "Issue 1"), "", List.of()),
                NOW);
        new DeliveryStore(db).markSent(issue.id(), received.id(), "<m1@x>", NOW);

        subscribers.resetRefusalsOfDelivered(issue.id());

        assertFalse(subscribers.recordRefusal(received.id(), 3), "refusals before the delivered issue still counted");
        assertTrue(subscribers.recordRefusal(refused.id(), 3));
    }

    @Test
    void becomingActiveAgainStartsTheRefusalsAgain() {
        Subscriber s = add(active("ana@example.org"));
        subscribers.recordRefusal(s.id(), 2);
        subscribers.recordRefusal(s.id(), 2);

        subscribers.setStatus(s.id(), SubscriberStatus.ACTIVE, LATER);

        assertFalse(subscribers.recordRefusal(s.id(), 2));
    }
}
