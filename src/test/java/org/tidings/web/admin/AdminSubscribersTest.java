package org.tidings.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.web.WebFixture;

/** /admin/subscribers: add, search, unsubscribe, CSV in and out. */
class AdminSubscribersTest {
    @TempDir
    Path dir;
    private WebFixture web;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        web = AdminClient.adminServer(dir);
        admin = new AdminClient(web).login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void addsAnActiveSubscriberOrAPendingOneWithAConfirmationEmail() throws Exception {
        admin.get("/admin/subscribers");

        admin.submit("/admin/subscribers", "email", "marie@example.org", "name", "Marie", "categories", "Presse, Monde",
                "confirmed", "yes");
        admin.submit("/admin/subscribers", "email", "paul@example.org");
        HttpResponse<String> bad = admin.submit("/admin/subscribers", "email", "not-an-address");

        Subscriber marie = subscriber("marie@example.org");
        assertEquals(SubscriberStatus.ACTIVE, marie.status());
        assertEquals(java.util.List.of("Presse", "Monde"), marie.categories());
        assertEquals(SubscriberStatus.PENDING, subscriber("paul@example.org").status());
        assertEquals(400, bad.statusCode());
        String page = admin.get("/admin/subscribers").body();
        assertTrue(page.contains("active: 1") && page.contains("pending: 1"), page);
    }

    @Test
    void searchFindsByTheStartOfTheAddressAndUnsubscribeKeepsTheRecord() throws Exception {
        admin.get("/admin/subscribers");
        admin.submit("/admin/subscribers", "email", "marie@example.org", "name", "Marie Curie", "confirmed", "yes");
        admin.submit("/admin/subscribers", "email", "paul_100%@other.example", "name", "Paul", "confirmed", "yes");
        admin.get("/admin/subscribers");

        String byStart = admin.get("/admin/subscribers?q=MARIE").body();
        String literal = admin.get("/admin/subscribers?q=paul_100%25").body();
        String wildcard = admin.get("/admin/subscribers?q=%25").body();
        String middle = admin.get("/admin/subscribers?q=example").body();

        assertTrue(byStart.contains("marie@example.org") && !byStart.contains("paul_100%@other.example"), byStart);
        assertTrue(literal.contains("paul_100%@other.example") && !literal.contains("marie@example.org"), literal);
        assertTrue(!wildcard.contains("paul_100%@other.example") && !wildcard.contains("marie@example.org"), wildcard);
        assertTrue(middle.contains("0 found") && !middle.contains("marie@example.org"), middle);

        long id = subscriber("marie@example.org").id();
        assertEquals(303, admin.submit("/admin/subscribers/" + id + "/remove").statusCode());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber("marie@example.org").status());
    }

    @Test
    void pagesFollowTheAddressesWithoutSkippingOrRepeatingAny() throws Exception {
        for (int i = 0; i < 250; i++) {
            web.tidings.subscribers().add(new org.tidings.store.NewSubscriber(EmailAddress.parse(
                    String.format("reader%03d@example.org", i)), null, java.util.List.of(), SubscriberStatus.ACTIVE),
                    web.clock.instant());
        }

        java.util.List<String> seen = admin.followPages("/admin/subscribers",
                java.util.regex.Pattern.compile("<td>(reader\\d+@example.org)</td>"));

        assertEquals("3", seen.remove(seen.size() - 1), "pages");
        assertEquals(java.util.stream.IntStream.range(0, 250).mapToObj(i -> String.format("reader%03d@example.org", i))
                .toList(), seen);
    }

    @Test
    void csvImportAddsGoodRowsReportsBadOnesAndExportHasTheSameColumns() throws Exception {
        admin.get("/admin/subscribers");
        String csv = "email,name,categories\r\nmarie@example.org,\"Curie, Marie\",Presse;Monde\r\nbroken,X,\r\n"
                + "paul@example.org,,\r\n";

        HttpResponse<String> imported = admin.upload("/admin/subscribers/import", "list.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        String page = admin.get("/admin/subscribers").body();
        HttpResponse<byte[]> export = admin.download("/admin/subscribers/export");

        assertEquals(303, imported.statusCode());
        assertTrue(page.contains("Imported 2 subscribers (0 already known, 1 bad rows)") && page.contains("Line 3"),
                page);
        assertEquals("Curie, Marie", subscriber("marie@example.org").name());
        assertEquals(SubscriberStatus.ACTIVE, subscriber("paul@example.org").status());
        assertEquals("attachment; filename=\"subscribers.csv\"",
                export.headers().firstValue("Content-Disposition").orElse(null));
        String exported = new String(export.body(), StandardCharsets.UTF_8);
        assertTrue(exported.startsWith("email,name,categories,status,created_at,confirmed_at,unsubscribed_at\r\n"),
                exported);
        assertTrue(exported.contains("marie@example.org,\"Curie, Marie\",Presse;Monde,active,"), exported);
        assertEquals(400, admin.upload("/admin/subscribers/import", "x.csv", "name\r\nx\r\n".getBytes(
                StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void hostileNamesAreEscaped() throws Exception {
        admin.get("/admin/subscribers");
        admin.submit("/admin/subscribers", "email", "x@example.org", "name", "<img src=x onerror=alert(1)>",
                "confirmed", "yes");

        String page = admin.get("/admin/subscribers").body();

        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
    }

    @Test
    void subscriberPageListsWhatCameBackNewestFirstAndTheSuppression() throws Exception {
        admin.get("/admin/subscribers");
        admin.submit("/admin/subscribers", "email", "marie@example.org", "confirmed", "yes");
        Subscriber marie = subscriber("marie@example.org");
        var events = web.tidings.mailEvents();
        events.softBounce(new org.tidings.store.NewMailEvent(marie.id(), null, 6, "4.2.2", "mailbox full", "k1"), 3,
                web.clock.instant());
        events.hardBounce(new org.tidings.store.NewMailEvent(marie.id(), null, 7, "5.1.1",
                "550 <b>no such user</b>", "k2"), web.clock.instant().plusSeconds(3600));

        String list = admin.get("/admin/subscribers").body();
        String page = admin.get("/admin/subscribers/" + marie.id()).body();

        assertTrue(list.contains("href=\"/admin/subscribers/" + marie.id() + "\""), list);
        assertTrue(page.contains("On the suppression list: bounced hard"), page);
        // Issues 6 and 7 are not stored here: the events keep their kind, status and words.
        assertTrue(page.matches("(?s).*<td>hard bounce</td><td></td><td>5.1.1</td>"
                + "<td>550 &lt;b&gt;no such user&lt;/b&gt;</td>.*<td>soft bounce</td><td></td><td>4.2.2</td>.*"), page);
        assertEquals(404, admin.get("/admin/subscribers/999").statusCode());
        HttpResponse<String> refused = admin.submit("/admin/subscribers", "email", "marie@example.org",
                "confirmed", "yes");
        assertEquals(303, refused.statusCode());
        assertTrue(admin.get("/admin/subscribers").body().contains("is on the suppression list"));
        assertEquals(SubscriberStatus.BOUNCED, subscriber("marie@example.org").status());
    }

    private Subscriber subscriber(String email) {
        return web.tidings.subscribers().findByEmail(EmailAddress.parse(email)).orElseThrow();
    }
}
