package org.tidings.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.model.Feed;
import org.tidings.model.Issue;
import org.tidings.store.DeliveryCounts;
import org.tidings.store.NewFeed;

class ScheduleTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String NEVER_SOON = "0 0 7 ? * MON";

    @TempDir
    Path dir;
    private ScheduleFixture fx;
    private LocalHttpServer server;

    private ScheduleFixture fixture(Map<String, String> env) {
        fx = new ScheduleFixture(dir, greenMail.getSmtp().getPort(), env);
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static int received() {
        return greenMail.getReceivedMessages().length;
    }

    private static Map<String, Long> perRecipient() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(ScheduleTest::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refreshJobFetchesADueFeedByItselfAndNotAgainBeforeItsTime() throws Exception {
        server = LocalHttpServer.start().route("/feed.xml", LocalHttpServer.respond(200,
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Le Monde</title><link>https://m.example/</link>"
                        + "<item><title>Grève générale</title><guid>g1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT"
                        + "</pubDate><description>Le « mouvement » s’étend</description></item></channel></rss>",
                "Content-Type", "application/rss+xml"));
        ScheduleFixture f = fixture(Map.of());
        Feed feed = f.tidings.feeds().addIfAbsent(new NewFeed(server.uri("/feed.xml"), null, null, "Presse"),
                Instant.now()).orElseThrow();

        f.start(NEVER_SOON, Duration.ofMillis(500));
        ScheduleFixture.await(Duration.ofSeconds(30), "the feed's article stored",
                () -> !f.tidings.articles().firstSeenBetween(Instant.EPOCH, Instant.now().plusSeconds(60)).isEmpty());
        Thread.sleep(2000);

        Feed fetched = f.tidings.feeds().find(feed.id()).orElseThrow();
        assertEquals("Grève générale", f.tidings.articles()
                .firstSeenBetween(Instant.EPOCH, Instant.now().plusSeconds(60)).get(0).title());
        assertTrue(fetched.nextFetchAt().isAfter(Instant.now().plus(Duration.ofMinutes(10))), fetched.toString());
        assertEquals(1, server.requestCount("/feed.xml"), "fetched again before it was due");
    }

    @Test
    void aSlowRefreshIsNeverStartedTwice() throws Exception {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lent</title>"
                + "<link>https://slow.example/</link><item><title>Un</title><guid>s1</guid></item></channel></rss>";
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        server = LocalHttpServer.start().route("/slow.xml", exchange -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // The round outlasts many firings of its trigger, and the feed stays due meanwhile.
                Thread.sleep(1500);
                LocalHttpServer.respond(200, rss, "Content-Type", "application/rss+xml").handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        ScheduleFixture f = fixture(Map.of());
        f.tidings.feeds().addIfAbsent(new NewFeed(server.uri("/slow.xml"), null, null, null), Instant.now());

        f.start(NEVER_SOON, Duration.ofMillis(200));
        ScheduleFixture.await(Duration.ofSeconds(30), "the slow feed stored",
                () -> !f.tidings.articles().firstSeenBetween(Instant.EPOCH, Instant.now().plusSeconds(60)).isEmpty());
        Thread.sleep(1000);

        assertEquals(1, server.requestCount("/slow.xml"), "a second round fetched the feed the first was fetching");
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void newsletterCronDeliversOncePerSubscriberPerFiring() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        f.subscribers(3);
        f.article("monde", "greve");

        f.start("*/3 * * * * ?", Duration.ofHours(1));
        ScheduleFixture.await(Duration.ofSeconds(30), "the first issue", () -> received() == 3);
        f.article("spiegel", "streik");
        ScheduleFixture.await(Duration.ofSeconds(30), "the second issue", () -> received() == 6);
        // Two more firings with nothing new: nothing more is sent.
        Thread.sleep(6500);

        assertEquals(6, received());
        assertEquals(Map.of("reader0@example.org", 2L, "reader1@example.org", 2L, "reader2@example.org", 2L),
                perRecipient());
        assertEquals(2, f.tidings.issues().latest().orElseThrow().number());
    }

    @Test
    void aNewsletterMissedWhileStoppedIsSentOnceOnTheNextStart() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        f.subscribers(2);
        f.article("monde", "greve");
        // One firing only, a few seconds from now, while the scheduler is stopped.
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(6);
        String once = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
        f.start(once, Duration.ofHours(1));
        f.stop();
        assertTrue(Instant.now().isBefore(at.toInstant()), "the scheduler took too long to stop for this test");
        Thread.sleep(Duration.between(Instant.now(), at.toInstant()).toMillis() + 1500);
        assertEquals(0, received());

        f.start(once, Duration.ofHours(1));
        ScheduleFixture.await(Duration.ofSeconds(30), "the catch-up issue", () -> received() == 2);
        Thread.sleep(3000);

        assertEquals(2, received());
        assertEquals(1, f.tidings.issues().latest().orElseThrow().number());
    }

    @Test
    void gracefulStopLeavesNoDeliveryHalfRecordedAndTheNextStartFinishes() throws Exception {
        ScheduleFixture f = fixture(Map.of("TIDINGS_MAIL_RATE", "40"));
        f.subscribers(150);
        f.article("monde", "greve");
        Schedule schedule = f.start(NEVER_SOON, Duration.ofHours(1));

        schedule.newsletterNow();
        ScheduleFixture.await(Duration.ofSeconds(30), "some messages out", () -> received() >= 20);
        assertTrue(f.stop(), "jobs did not finish within the stop timeout");

        Issue issue = f.tidings.issues().unfinished().orElseThrow();
        DeliveryCounts counts = f.tidings.newsletter().deliveries().counts(issue.id());
        int receivedAtStop = received();
        assertTrue(receivedAtStop < 150, "the stop came too late to test anything: " + receivedAtStop);
        assertEquals(receivedAtStop, counts.sent(), "every message received is recorded, and only those");
        assertEquals(150 - receivedAtStop, counts.pending());

        f.start(NEVER_SOON, Duration.ofHours(1)).newsletterNow();
        ScheduleFixture.await(Duration.ofSeconds(60), "the rest of the issue", () -> received() == 150);
        Thread.sleep(500);

        assertEquals(150, received());
        assertEquals(150, perRecipient().size());
        assertTrue(f.tidings.issues().unfinished().isEmpty());
    }

    @Test
    void sendIssueNowSendsWhatIsNewEvenWhenNoIssueIsOwed() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        f.subscribers(2);
        f.article("monde", "greve");
        Schedule schedule = f.start(NEVER_SOON, Duration.ofHours(1));
        schedule.newsletterNow();
        ScheduleFixture.await(Duration.ofSeconds(30), "the first issue", () -> received() == 2);
        f.article("spiegel", "streik");

        schedule.newsletterNow();
        Thread.sleep(2000);
        int whenNotOwed = received();
        schedule.sendIssueNow();
        ScheduleFixture.await(Duration.ofSeconds(30), "the issue sent on request", () -> received() == 4);

        assertEquals(2, whenNotOwed, "an issue was sent though none was owed");
        assertEquals(2, f.tidings.issues().latest().orElseThrow().number());
    }
}
