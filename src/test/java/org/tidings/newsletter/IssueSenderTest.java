package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.mail.MailSession;
import org.tidings.mail.MailUnavailableException;
import org.tidings.mail.Mailer;
import org.tidings.mail.SendOutcome;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.DeliveryCounts;

class IssueSenderTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private NewsletterFixture fx;

    private NewsletterFixture fixture() {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of());
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private static List<String> recipients() throws Exception {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).sorted().toList();
    }

    @Test
    void sendsExactlyOneMessagePerActiveSubscriberAndNothingTheSecondTime() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève générale", "Réforme des retraites");
        f.subscriber("ana@example.org", true);
        f.subscriber("bob@example.org", true);
        f.subscriber("pending@example.org", false);
        long gone = f.subscriber("gone@example.org", true).id();
        f.tidings.subscribers().setStatus(gone, SubscriberStatus.UNSUBSCRIBED, f.clock.instant());
        f.clock.advance(Duration.ofMinutes(1));

        SendReport first = f.sender().send();
        f.clock.advance(Duration.ofMinutes(1));
        SendReport second = f.sender().send();

        assertEquals(1, first.issueNumber());
        assertEquals(2, first.sent());
        assertEquals(List.of("ana@example.org", "bob@example.org"), recipients());
        assertEquals(0, second.issueNumber(), second.describe());
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void messageCarriesStructureHeadersAndEscapedTitles() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Révolution Permanente", "Presse", "<script>alert(1)</script> “Grève” à la Sorbonne");
        Subscriber ana = f.subscriber("ana@example.org", true);
        f.clock.advance(Duration.ofMinutes(1));

        f.sender().send();

        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertEquals("Tidings: week of 22 May 2023", m.getSubject());
        assertEquals("<tidings.1." + ana.id() + "." + BounceTokens.messageIdMac(1, ana) + "@tidings.example.org>",
                m.getMessageID());
        assertTrue(m.getHeader("List-Unsubscribe")[0].contains("http://localhost:8080/unsubscribe/"));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(m.getHeader("List-Id")[0].contains("tidings.example.org"));
        MimeMultipart body = (MimeMultipart) m.getContent();
        assertTrue(body.getContentType().startsWith("multipart/alternative"));
        String text = (String) body.getBodyPart(0).getContent();
        String html = (String) body.getBodyPart(1).getContent();
        assertTrue(text.contains("<script>alert(1)</script> “Grève” à la Sorbonne"), text);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("http://localhost:8080/archive/1"));
    }

    @Test
    void categoriesLimitTheDigestAndAnEmptyDigestIsNotSent() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Article FR");
        f.feed("Kicker", "Sport", "Tor!");
        f.subscriber("presse@example.org", true, "presse");
        f.subscriber("cuisine@example.org", true, "Cuisine");
        f.clock.advance(Duration.ofMinutes(1));

        SendReport report = f.sender().send();

        assertEquals(1, report.sent());
        assertEquals(1, report.skipped());
        MimeMessage m = greenMail.getReceivedMessages()[0];
        String all = GreenMailUtil.getBody(m);
        assertTrue(all.contains("Article FR"));
        assertFalse(all.contains("Tor!"));
    }

    @Test
    void interruptedSendResumesAndDeliversTheRestExactlyOnce() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Article");
        for (int i = 0; i < 30; i++) {
            f.subscriber("reader" + i + "@example.org", true);
        }
        f.clock.advance(Duration.ofMinutes(1));
        Mailer real = f.tidings.newsletter().mailer();
        AtomicInteger budget = new AtomicInteger(12);

        assertThrows(MailUnavailableException.class, () -> f.sender(failingAfter(real, budget)).send());
        int firstRun = greenMail.getReceivedMessages().length;
        SendReport resumed = f.sender().send();

        assertTrue(firstRun >= 12 && firstRun < 30, "first run sent " + firstRun);
        assertTrue(resumed.resumed());
        assertEquals(30 - firstRun, resumed.sent());
        List<String> got = recipients();
        assertEquals(30, got.size());
        assertEquals(30, got.stream().distinct().count());
    }

    @Test
    void unreachableServerStopsTheRunAndLeavesEverythingPending() throws Exception {
        fx = new NewsletterFixture(dir, 1, Map.of());
        fx.feed("Le Monde", "Presse", "Article");
        fx.subscriber("ana@example.org", true);
        fx.clock.advance(Duration.ofMinutes(1));

        MailUnavailableException e = assertThrows(MailUnavailableException.class, () -> fx.sender().send());

        assertTrue(e.getMessage().startsWith("Could not connect to SMTP server 127.0.0.1:1"), e.getMessage());
        DeliveryCounts counts = fx.tidings.newsletter().deliveries().counts(
                fx.tidings.newsletter().issues().unfinished().orElseThrow().id());
        assertEquals(new DeliveryCounts(1, 0, 0, 0), counts);
    }

    @Test
    void aMalformedStoredAddressFailsAloneAndTheOthersAreSent() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Article");
        long broken = f.subscriber("broken@example.org", true).id();
        f.subscriber("ana@example.org", true);
        // As an old import or a hand edit could have left it: not something Tidings would store.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(f.tidings.config().dbUrl());
                java.sql.PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET email = ? WHERE id = ?")) {
            ps.setString(1, "broken@@example..org\r\nBcc: x@y.org");
            ps.setLong(2, broken);
            ps.executeUpdate();
        }
        f.clock.advance(Duration.ofMinutes(1));

        SendReport report = f.sender().send();

        assertEquals(1, report.sent());
        assertEquals(1, report.failed());
        assertEquals(List.of("ana@example.org"), recipients());
    }

    /** Our own port, faked: the real mailer until the budget is spent, then an unreachable server. */
    private static Mailer failingAfter(Mailer real, AtomicInteger budget) {
        return () -> {
            MailSession session = real.open();
            return new MailSession() {
                @Override
                public SendOutcome send(org.tidings.mail.MailMessage m) throws MailUnavailableException {
                    if (budget.getAndDecrement() <= 0) {
                        throw new MailUnavailableException("server went away", null);
                    }
                    return session.send(m);
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        };
    }
}
