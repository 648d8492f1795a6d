package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.mail.ScriptedSmtpServer;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.DeliveryCounts;

/** 4xx and 5xx replies from a scripted server: GreenMail cannot refuse a recipient on demand. */
class SmtpRepliesTest {
    @TempDir
    Path dir;
    private ScriptedSmtpServer smtp;
    private NewsletterFixture fx;

    @BeforeEach
    void start() {
        smtp = ScriptedSmtpServer.start();
        fx = new NewsletterFixture(dir, smtp.port(), Map.of("TIDINGS_MAIL_MAX_ATTEMPTS", "3"));
    }

    @AfterEach
    void stop() {
        fx.close();
        smtp.close();
    }

    private DeliveryCounts counts(int issue) {
        return fx.tidings.newsletter().deliveries().counts(
                fx.tidings.newsletter().issues().byNumber(issue).orElseThrow().id());
    }

    private void nextIssue(String article) {
        fx.clock.advance(Duration.ofDays(7));
        fx.feed("Le Monde", "Presse", article);
        fx.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void temporaryRefusalIsRetriedWithBackoffAndThenDelivered() throws Exception {
        smtp.onRcpt("slow@example.org", "451 4.7.1 Greylisted, try again later", "250 OK");
        fx.subscriber("slow@example.org", true);
        fx.subscriber("fast@example.org", true);
        nextIssue("A");

        SendReport report = fx.sender().send();

        assertEquals(2, report.sent(), report.describe());
        assertEquals(new DeliveryCounts(0, 2, 0, 0), counts(1));
        assertEquals(2, smtp.received().size());
    }

    @Test
    void temporaryRefusalsBeyondTheLimitEndAsFailed() throws Exception {
        smtp.onRcpt("busy@example.org", "452 4.2.2 Mailbox full");
        fx.subscriber("busy@example.org", true);
        nextIssue("A");

        SendReport report = fx.sender().send();

        assertEquals(1, report.failed());
        assertEquals(new DeliveryCounts(0, 0, 1, 0), counts(1));
        assertEquals(SubscriberStatus.ACTIVE, fx.tidings.subscribers().find(1).orElseThrow().status());
    }

    @Test
    void permanentRefusalFailsAtOnceAndThreeIssuesInARowBounce() throws Exception {
        smtp.onRcpt("nobody@example.org", "550 5.1.1 No such user");
        long nobody = fx.subscriber("nobody@example.org", true).id();
        fx.subscriber("ana@example.org", true);

        for (int issue = 1; issue <= 3; issue++) {
            nextIssue("Article " + issue);
            SendReport report = fx.sender().send();
            assertEquals(1, report.failed(), report.describe());
            assertEquals(1, report.sent(), report.describe());
            SubscriberStatus expected = issue < 3 ? SubscriberStatus.ACTIVE : SubscriberStatus.BOUNCED;
            assertEquals(expected, fx.tidings.subscribers().find(nobody).orElseThrow().status(), "after " + issue);
        }
        nextIssue("Article 4");
        SendReport fourth = fx.sender().send();

        assertEquals(1, fourth.sent());
        assertEquals(0, fourth.failed());
        assertTrue(smtp.received().stream().noneMatch(r -> r.recipients().contains("nobody@example.org")));
    }

    @Test
    void onlyRefusalsInARowCountTowardBouncing() throws Exception {
        smtp.onRcpt("flaky@example.org", "550 5.1.1 No such user", "550 5.1.1 No such user", "250 OK",
                "550 5.1.1 No such user", "550 5.1.1 No such user", "550 5.1.1 No such user");
        long flaky = fx.subscriber("flaky@example.org", true).id();

        for (int issue = 1; issue <= 5; issue++) {
            nextIssue("Article " + issue);
            fx.sender().send();
        }
        SubscriberStatus afterFive = fx.tidings.subscribers().find(flaky).orElseThrow().status();
        nextIssue("Article 6");
        fx.sender().send();

        assertEquals(SubscriberStatus.ACTIVE, afterFive);
        assertEquals(SubscriberStatus.BOUNCED, fx.tidings.subscribers().find(flaky).orElseThrow().status());
    }
}
