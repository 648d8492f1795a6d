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
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.TriggerKey;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.model.Feed;
import org.tidings.model.Issue;
import org.tidings.store.DeliveryCounts;
import org.tidings.store.NewFeed;

/**
 * The jobs as Quartz runs them. Quartz fires on the real clock; the tests never wait for a length
 * of time, only for what a firing does (see {@link ScheduleFixture}).
 */
class ScheduleTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String NEVER_SOON = "0 0 7 ? * MON";
    private static final String EVERY_SECOND = "* * * * * ?";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private ScheduleFixture fx;
    private LocalHttpServer server;
    private final CountDownLatch releaseFetch = new CountDownLatch(1);

    private ScheduleFixture fixture(Map<String, String> env) {
        fx = new ScheduleFixture(dir, greenMail.getSmtp().getPort(), env);
        return fx;
    }

    @AfterEach
    void close() {
        releaseFetch.countDown();
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

    /**
     * Waits until a newsletter job has started and ended after this call: one whole firing that
     * saw everything done before it. Runs never overlap, so the second start after now ends the first.
     */
    private static void awaitWholeNewsletterRun(ScheduleFixture f) throws Exception {
        int before = f.newsletterRuns();
        ScheduleFixture.await(LIMIT, "a whole newsletter run", () -> f.newsletterRuns() >= before + 2);
    }

    /** As {@link #awaitWholeNewsletterRun}, for the refresh job. */
    private static void awaitWholeRefreshRun(ScheduleFixture f) throws Exception {
        int before = f.refreshRuns();
        ScheduleFixture.await(LIMIT, "a whole refresh run", () -> f.refreshRuns() >= before + 2);
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
                f.clock.instant()).orElseThrow();

        f.start(NEVER_SOON, Duration.ofMillis(200));
        ScheduleFixture.await(LIMIT, "the feed's article stored",
                () -> !f.tidings.articles().firstSeenBetween(Instant.EPOCH, f.clock.instant().plusSeconds(60)).isEmpty());
        awaitWholeRefreshRun(f);

        Feed fetched = f.tidings.feeds().find(feed.id()).orElseThrow();
        assertEquals("Grève générale", f.tidings.articles()
                .firstSeenBetween(Instant.EPOCH, f.clock.instant().plusSeconds(60)).get(0).title());
        assertTrue(fetched.nextFetchAt().isAfter(f.clock.instant().plus(Duration.ofMinutes(10))), fetched.toString());
        assertEquals(1, server.requestCount("/feed.xml"), "fetched again before it was due");

        f.clock.advance(Duration.between(f.clock.instant(), fetched.nextFetchAt()).plusSeconds(1));
        ScheduleFixture.await(LIMIT, "the feed fetched again once due", () -> server.requestCount("/feed.xml") == 2);
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
                // The round lasts until the test lets it end; the feed stays due meanwhile.
                releaseFetch.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
                LocalHttpServer.respond(200, rss, "Content-Type", "application/rss+xml").handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        ScheduleFixture f = fixture(Map.of());
        f.tidings.feeds().addIfAbsent(new NewFeed(server.uri("/slow.xml"), null, null, null), f.clock.instant());
        f.start(NEVER_SOON, Duration.ofHours(1));
        ScheduleFixture.await(LIMIT, "the first round fetching the feed", () -> server.requestCount("/slow.xml") == 1);

        TriggerKey again = f.fire(JobKinds.REFRESH);
        // Quartz stores a firing of a job that must not run twice at once as blocked, until the running one ends.
        ScheduleFixture.await(LIMIT, "the second firing held back, or a second round fetching beside the first",
                () -> f.state(again.getName()).equals("blocked") || server.requestCount("/slow.xml") > 1);
        assertEquals(1, server.requestCount("/slow.xml"), "a second round fetched the feed the first was fetching");
        releaseFetch.countDown();
        f.awaitEnd(again.getName());

        assertEquals(2, f.refreshRuns(), "the held-back firing runs once the first round has ended");
        assertEquals(1, server.requestCount("/slow.xml"), "the second round fetched the feed the first had stored");
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void newsletterCronDeliversOncePerSubscriberPerFiringThatOwesAnIssue() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        f.subscribers(3);
        f.article("monde", "greve");

        f.start(EVERY_SECOND, Duration.ofHours(1));
        ScheduleFixture.await(LIMIT, "the first issue", () -> received() == 3);
        awaitWholeNewsletterRun(f);
        int whileNoneOwed = received();
        f.article("spiegel", "streik");
        ScheduleFixture.await(LIMIT, "the second issue", () -> received() == 6);
        awaitWholeNewsletterRun(f);
        int afterTheSecond = received();
        // An issue is owed again, but nothing is new: nothing is sent.
        f.clock.advance(Duration.ofMinutes(1));
        awaitWholeNewsletterRun(f);

        assertEquals(3, whileNoneOwed, "a firing with no issue owed sent one");
        assertEquals(6, afterTheSecond, "an owed issue went out twice");
        assertEquals(6, received(), "an issue with nothing new went out");
        assertEquals(Map.of("reader0@example.org", 2L, "reader1@example.org", 2L, "reader2@example.org", 2L),
                perRecipient());
        assertEquals(2, f.tidings.issues().latest().orElseThrow().number());
    }

    @Test
    void aNewsletterMissedWhileStoppedIsSentOnceOnTheNextStart() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        f.subscribers(2);
        f.article("monde", "greve");
        f.start(NEVER_SOON, Duration.ofHours(1));
        f.stop();
        // Three weekly firings passed while Tidings was down; Quartz counts them on the real clock.
        f.passFiringWhileStopped("newsletter", Instant.now().minus(Duration.ofDays(21)));
        assertEquals(0, received());

        f.start(NEVER_SOON, Duration.ofHours(1));
        ScheduleFixture.await(LIMIT, "the catch-up issue", () -> received() == 2);
        ScheduleFixture.await(LIMIT, "the newsletter trigger waiting for its next time, none missed left",
                () -> f.state("newsletter").equals("waiting") && f.nextFiring("newsletter").isAfter(Instant.now()));

        assertEquals(1, f.newsletterRuns(), "the missed firings made more than one run");
        assertEquals(2, received());
        assertEquals(1, f.tidings.issues().latest().orElseThrow().number());
    }

    @Test
    void gracefulStopLeavesNoDeliveryHalfRecordedAndTheNextStartFinishes() throws Exception {
        ScheduleFixture f = fixture(Map.of("TIDINGS_MAIL_RATE", "40"));
        f.subscribers(150);
        f.article("monde", "greve");
        Schedule schedule = f.start(NEVER_SOON, Duration.ofHours(1));
        f.mailer.holdAfter(20);

        schedule.newsletterNow();
        ScheduleFixture.await(LIMIT, "a message held in the middle of the issue", () -> f.mailer.held() > 0);
        assertTrue(f.stop(), "jobs did not finish within the stop timeout");

        Issue issue = f.tidings.issues().unfinished()
                .orElseThrow(() -> new AssertionError("the stop came too late to test anything: the issue was finished"));
        DeliveryCounts counts = f.tidings.newsletter().deliveries().counts(issue.id());
        int receivedAtStop = received();
        assertTrue(receivedAtStop < 150, "the stop came too late to test anything: " + receivedAtStop);
        assertEquals(receivedAtStop, counts.sent(), "every message received is recorded, and only those");
        assertEquals(150 - receivedAtStop, counts.pending());

        f.start(NEVER_SOON, Duration.ofHours(1)).newsletterNow();
        f.awaitEnd("newsletter-retry");

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
        f.awaitEnd("newsletter-retry");
        f.article("spiegel", "streik");

        schedule.newsletterNow();
        f.awaitEnd("newsletter-retry");
        int whenNotOwed = received();
        schedule.sendIssueNow();
        f.awaitEnd("newsletter-now");

        assertEquals(2, whenNotOwed, "an issue was sent though none was owed");
        assertEquals(4, received());
        assertEquals(2, f.tidings.issues().latest().orElseThrow().number());
    }

    @Test
    void inboundPollRunsAtStartAndAgainEachIntervalEvenAfterAFailedPoll() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        AtomicInteger polls = new AtomicInteger();
        f.start("0 0 7 ? * MON", Duration.ofHours(1), new ScheduledWork.Inbound(() -> {
            if (polls.incrementAndGet() == 1) {
                throw new IllegalStateException("mailbox down");
            }
        }, Duration.ofMillis(300)));

        ScheduleFixture.await(Duration.ofSeconds(30), "three polls of the bounce mailbox", () -> polls.get() >= 3);
        assertTrue(f.stop());
    }

    @Test
    void inboundPollStopsWhenInboundUrlIsRemoved() throws Exception {
        ScheduleFixture f = fixture(Map.of());
        AtomicInteger polls = new AtomicInteger();
        f.start("0 0 7 ? * MON", Duration.ofHours(1), new ScheduledWork.Inbound(polls::incrementAndGet,
                Duration.ofHours(1)));
        ScheduleFixture.await(Duration.ofSeconds(30), "the first poll", () -> polls.get() >= 1);
        assertTrue(f.nextFiring("inbound") != null, "the poll's trigger is stored");
        assertTrue(f.stop());

        f.start("0 0 7 ? * MON", Duration.ofHours(1));
        assertEquals(null, f.nextFiring("inbound"), "no trigger left for the poll");
        assertTrue(f.stop());
    }
}
