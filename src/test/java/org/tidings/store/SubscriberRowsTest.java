package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/** A stored address Tidings would never write (an old import, a hand edit) never becomes a Subscriber. */
class SubscriberRowsTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SubscriberStore subscribers;
    private SubscriberList list;
    private long ana;
    private long broken;
    private long cleo;
    private String brokenToken;

    @BeforeEach
    void open() throws Exception {
        db = org.tidings.TestDatabase.open(dir);
        subscribers = new SubscriberStore(db);
        list = new SubscriberList(db);
        ana = add("ana@example.org");
        broken = add("ben@example.org");
        cleo = add("cleo@example.org");
        brokenToken = subscribers.find(broken).orElseThrow().token();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET email = ? WHERE id = ?")) {
            ps.setString(1, "ben@@example..org\r\nBcc: x@y.org");
            ps.setLong(2, broken);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRowWithAMalformedAddressIsFoundByNoLookup() {
        assertTrue(subscribers.find(broken).isEmpty());
        assertTrue(subscribers.findByToken(brokenToken).isEmpty());
        assertTrue(subscribers.find(ana).isPresent());
    }

    @Test
    void byIdsNamesTheRowApartSoASendCanFailItsDelivery() {
        SubscriberStore.Found found = subscribers.byIds(List.of(ana, broken, cleo));

        assertEquals(List.of(ana, cleo), ids(found.subscribers()));
        assertEquals(List.of(broken), found.malformed());
    }

    @Test
    void pagesLeaveTheRowOutAndStillFillUp() {
        assertEquals(List.of(ana, cleo), ids(list.page(0, 2)));
        assertEquals(List.of(cleo), ids(list.page(ana, 1)));
        assertEquals(List.of(ana, cleo), ids(list.search("", "", 2)));
        assertEquals(List.of(cleo), ids(list.search("", "ana@example.org", 1)));
    }

    @Test
    void everySubscriberButTheMalformedRowIsVisited() {
        List<Subscriber> all = new ArrayList<>();

        list.forEach(all::add);

        assertEquals(List.of(ana, cleo), ids(all));
    }

    private long add(String email) {
        return subscribers.add(new NewSubscriber(EmailAddress.parse(email), null, List.of(), SubscriberStatus.ACTIVE),
                NOW).subscriber().id();
    }

    private static List<Long> ids(List<Subscriber> list) {
        return list.stream().map(Subscriber::id).toList();
    }
}
